// Starts the stub's HTTP server in-process on a free port, over temporary app/core folders
// and an in-memory SQLite store, so that each test talks to a real server over real TCP.
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <thread>

#include "haoban/store/database.h"
#include "http/server.h"

namespace haoban::testing {

// A folder under the system temp dir, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("haoban-server-test-" + std::to_string(random()) + "-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& path, const std::string& contents) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

// A layout like the real one: <tmp>/app (served at /), <tmp>/core (at /core/), and a file
// outside both, <tmp>/secret.txt, that no URL may reach.
class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_dir_ = temp_.path() / "app";
    core_dir_ = temp_.path() / "core";
    write_file(app_dir_ / "index.html", "<!doctype html><title>好办</title>");
    write_file(app_dir_ / "app.js", "export const x = 1;\n");
    write_file(app_dir_ / "app.css", "body{}\n");
    write_file(app_dir_ / "sub" / "index.html", "<p>sub</p>");
    write_file(app_dir_ / ".hidden", "hidden");
    write_file(core_dir_ / "index.mjs", "export async function load() {}\n");
    write_file(core_dir_ / "package.json", "{}\n");
    write_file(core_dir_ / "dist" / "haoban-core.wasm", std::string("\0asm\1\0\0\0", 8));
    write_file(temp_.path() / "secret.txt", "TOP SECRET");
    catalog_ = temp_.path() / "catalog.json";
    write_file(catalog_, R"({"formatVersion":1,"items":[]})");

    std::string error;
    database_ = store::Database::open(":memory:", &error);
    ASSERT_TRUE(database_) << error;
  }

  void TearDown() override { stop_server(); }

  // Configures, binds (port 0) and runs the server on a thread.
  void start_server() {
    http::ServerConfig config;
    config.port = 0;
    config.app_dir = app_dir_;
    config.core_dir = core_dir_;
    config.catalog_file = catalog_;
    config.database = database_.get();
    config.today = [] { return time::CivilDate{2026, 11, 27}; };
    config.max_body_bytes = max_body_bytes_;
    if (configure_) configure_(config);
    server_ = std::make_unique<http::Server>(std::move(config));
    std::string error;
    ASSERT_TRUE(server_->bind(&error)) << error;
    ASSERT_GT(server_->port(), 0);
    thread_ = std::thread([this] { run_result_ = server_->run(); });
  }

  void stop_server() {
    if (!server_) return;
    server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }

  httplib::Client client() const {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_connection_timeout(5, 0);
    client.set_read_timeout(5, 0);
    return client;
  }

  // Sends `request_target` byte for byte (no client-side normalisation or encoding) and
  // returns the status code of the answer, or -1 if there was none.
  int raw_get_status(const std::string& request_target) const {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(server_->port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int status = -1;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
      const std::string request =
          "GET " + request_target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
      if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(request.size())) {
        std::string answer;
        char buffer[4096];
        ssize_t got;
        while ((got = ::recv(fd, buffer, sizeof buffer, 0)) > 0) answer.append(buffer, got);
        last_raw_answer_ = answer;
        if (answer.rfind("HTTP/1.1 ", 0) == 0 && answer.size() >= 12) {
          status = std::stoi(answer.substr(9, 3));
        }
      }
    }
    ::close(fd);
    return status;
  }

  TempDir temp_;
  std::filesystem::path app_dir_;
  std::filesystem::path core_dir_;
  std::filesystem::path catalog_;
  std::size_t max_body_bytes_ = 1024 * 1024;
  // Set by a test before start_server() to change anything else in the configuration.
  std::function<void(http::ServerConfig&)> configure_;
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  bool run_result_ = false;
  mutable std::string last_raw_answer_;
};

}  // namespace haoban::testing
