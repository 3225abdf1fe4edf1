// The back-office stub's HTTP server: the JSON API and the static files of the H5 app and
// the wasm package. A class, so that the `serve` command and the tests start it the same way.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "haoban/time/civil_date.h"
#include "http/catalog_file.h"

namespace httplib {
class Server;
}
namespace haoban::store {
class Database;
}

namespace haoban::http {

struct BackOffice;

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
  // cpp-httplib serves each connection on one pool thread for as long as it is kept alive, and
  // a connection beyond the pool waits, unserved, until a thread is free. So the pool is sized
  // for the keep-alive clients expected at once (the benchmark's 16, a few browsers' 6 each)
  // with room to spare; an idle thread costs a stack of virtual memory and little else.
  std::size_t worker_threads = 32;
  // Requests per keep-alive connection before the stub closes it (httplib's default, 5, makes
  // a busy client reconnect every 5 requests), and seconds an idle one is kept.
  std::size_t keep_alive_max_requests = 1000;
  int keep_alive_timeout_seconds = 5;
  // fsync at every commit (the default) or only at checkpoints (bench only; office_store.h).
  bool sync_every_commit = true;

  // The back office (issue 7).
  std::filesystem::path fixtures_file;  // test identities; no one can log in when empty
  std::filesystem::path holidays_file;  // the official calendar; weekends only when empty
  std::string session_key;              // HMAC key for tokens; a random one per run when empty
  int64_t session_ttl_seconds = 8 * 3600;
  std::function<int64_t()> now_seconds;       // wall clock (token expiry); the system's when empty
  std::function<double()> monotonic_seconds;  // for rate limits; steady_clock when empty
  double rate_burst = 120;                    // requests per identity at once; 0: no limit
  double rate_per_second = 30;                // and sustained
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
  // Problems found while loading fixtures, calendar and catalogue (the server still runs).
  const std::vector<std::string>& warnings() const { return warnings_; }
  std::string url() const;  // "http://HOST:PORT/"

  // Serves until stop(); returns false if the server could not run. Call bind() first.
  bool run();
  // Ends run() from any thread, also when called before run() has started listening.
  // Not async-signal-safe: call it from a normal thread (see SignalWatcher).
  void stop();

 private:
  void set_up_back_office();
  void install_routes();

  ServerConfig config_;
  std::unique_ptr<httplib::Server> http_;
  CatalogFile catalog_;
  std::unique_ptr<BackOffice> office_;
  std::vector<std::string> warnings_;
  std::mutex database_mutex_;  // the handlers run on a thread pool; the store is not shared-safe
  int port_ = -1;
  std::atomic<bool> stop_requested_{false};
  enum class RunState { idle, running, done };
  std::atomic<RunState> run_state_{RunState::idle};
};

}  // namespace haoban::http
