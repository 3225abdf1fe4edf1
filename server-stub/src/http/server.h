// The back-office stub's HTTP server: the JSON API and the static files of the H5 app and
// the wasm package. A class, so that the `serve` command and the tests start it the same way.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "haoban/time/civil_date.h"
#include "http/catalog_file.h"

namespace httplib {
class Server;
}
namespace haoban::store {
class Database;
}

namespace haoban::http {

struct ServerConfig {
  std::string host = "127.0.0.1";  // loopback unless asked otherwise: this is a test stub
  int port = 8080;                 // 0: any free port (read it back with Server::port())
  std::filesystem::path app_dir;   // served at /
  std::filesystem::path core_dir;  // served at /core/
  std::filesystem::path catalog_file;
  store::Database* database = nullptr;     // not owned; null only in tests that need no store
  std::function<time::CivilDate()> today;  // the host's date; local_today() when empty
  std::size_t max_body_bytes = 1024 * 1024;
  bool access_log = false;  // one line per request on stderr
};

class Server {
 public:
  explicit Server(ServerConfig config);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; afterwards port() is the real port (also for port 0).
  bool bind(std::string* error);
  int port() const { return port_; }
  std::string url() const;  // "http://HOST:PORT/"

  // Serves until stop(); returns false if the server could not run. Call bind() first.
  bool run();
  // Ends run() from any thread, also when called before run() has started listening.
  // Not async-signal-safe: call it from a normal thread (see SignalWatcher).
  void stop();

 private:
  void install_routes();

  ServerConfig config_;
  std::unique_ptr<httplib::Server> http_;
  CatalogFile catalog_;
  std::mutex database_mutex_;  // the handlers run on a thread pool; the store is not shared-safe
  int port_ = -1;
  std::atomic<bool> stop_requested_{false};
  enum class RunState { idle, running, done };
  std::atomic<RunState> run_state_{RunState::idle};
};

}  // namespace haoban::http
