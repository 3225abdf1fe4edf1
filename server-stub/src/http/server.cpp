#include "http/server.h"

#include <httplib.h>

#include <sys/socket.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <thread>

#include "http/api_routes.h"
#include "http/host_clock.h"
#include "http/json_response.h"
#include "http/static_files.h"

namespace haoban::http {

namespace {

constexpr std::string_view kCorePrefix = "/core/";

}  // namespace

Server::Server(ServerConfig config)
    : config_(std::move(config)),
      http_(std::make_unique<httplib::Server>()),
      catalog_(config_.catalog_file) {
  if (!config_.today) config_.today = local_today;
  install_routes();
}

Server::~Server() { stop(); }

void Server::install_routes() {
  httplib::Server& http = *http_;
  http.set_payload_max_length(config_.max_body_bytes);
  // httplib's default also sets SO_REUSEPORT, which lets a second stub bind the same port
  // and silently share its traffic. Keep only SO_REUSEADDR (quick restarts after TIME_WAIT).
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // Slow or stalled clients must not hold a worker for long.
  http.set_read_timeout(10, 0);
  http.set_write_timeout(10, 0);

  http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    handle_healthz(config_.database, database_mutex_, res);
  });
  http.Post("/api/v1/validate", [this](const httplib::Request& req, httplib::Response& res) {
    handle_validate(req, res, config_.today);
  });
  http.Get("/api/v1/catalog", [this](const httplib::Request& req, httplib::Response& res) {
    handle_catalog(catalog_, req, res);
  });
  // Everything else that is a GET (or HEAD) is a file: /core/… from the wasm package,
  // the rest from the app. req.path is already percent-decoded by httplib, so encoded
  // traversal ("%2e%2e") arrives here as ".." and is refused by resolve_static_path.
  http.Get("/.*", [this](const httplib::Request& req, httplib::Response& res) {
    const std::string_view path = req.path;
    if (path.substr(0, kCorePrefix.size()) == kCorePrefix) {
      serve_static(config_.core_dir, path.substr(kCorePrefix.size()), res);
    } else {
      serve_static(config_.app_dir, path.substr(1), res);
    }
  });

  // Whatever httplib answers on its own (no route, body too large, unparsable request)
  // gets a JSON body too.
  http.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) send_error_for_status(res, res.status);
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        send_error(res, 500, "internal", "Internal error.", "服务器内部错误。");
      });
  if (config_.access_log) {
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "haoban: %s %s %d\n", req.method.c_str(), req.path.c_str(), res.status);
    });
  }
}

bool Server::bind(std::string* error) {
  if (config_.port == 0) {
    port_ = http_->bind_to_any_port(config_.host);
  } else {
    port_ = http_->bind_to_port(config_.host, config_.port) ? config_.port : -1;
  }
  if (port_ <= 0) {
    port_ = -1;
    if (error) {
      *error = "cannot listen on " + config_.host + ":" + std::to_string(config_.port) +
               " (address in use, or not an address of this machine?)";
    }
    return false;
  }
  return true;
}

std::string Server::url() const {
  // An IPv6 literal needs brackets in a URL.
  const bool ipv6 = config_.host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + config_.host + "]" : config_.host) + ":" +
         std::to_string(port_) + "/";
}

bool Server::run() {
  if (port_ <= 0 || stop_requested_) return false;
  run_state_ = RunState::running;
  // stop() may have come between the check above and the store: look again, so that a
  // stop() is never lost (it waits for is_running() only while run_state_ is running).
  bool ok = false;
  if (!stop_requested_) ok = http_->listen_after_bind();
  run_state_ = RunState::done;
  return ok || stop_requested_;
}

void Server::stop() {
  stop_requested_ = true;
  // httplib's stop() does nothing until listening has begun; wait for that (it takes
  // microseconds) unless run() was never called or has already returned.
  while (run_state_ == RunState::running && !http_->is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  http_->stop();
}

}  // namespace haoban::http
