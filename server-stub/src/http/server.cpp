#include "http/server.h"

#include <httplib.h>

#include <sys/socket.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iterator>
#include <thread>

#include "auth/session_key.h"
#include "http/api_routes.h"
#include "http/back_office.h"
#include "http/host_clock.h"
#include "http/json_response.h"
#include "http/office_routes.h"
#include "http/static_files.h"

namespace haoban::http {

namespace {

constexpr std::string_view kCorePrefix = "/core/";
// Submission ids are receipt numbers: upper-case letters and digits.
#define HAOBAN_SUBMISSION_ID "([0-9A-Z]{1,64})"

std::optional<std::string> read_small_file(const std::filesystem::path& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes) return std::nullopt;
  }
  return text;
}

}  // namespace

Server::Server(ServerConfig config)
    : config_(std::move(config)),
      http_(std::make_unique<httplib::Server>()),
      catalog_(config_.catalog_file) {
  if (!config_.today) config_.today = local_today;
  set_up_back_office();
  install_routes();
}

Server::~Server() { stop(); }

void Server::set_up_back_office() {
  office_ = std::make_unique<BackOffice>();
  BackOffice& office = *office_;
  office.session_key = config_.session_key;
  if (office.session_key.empty()) {
    office.session_key = auth::random_bytes(auth::kSessionKeyBytes).value_or("");
    if (office.session_key.empty()) warnings_.push_back("no random session key: logins refused");
  }
  office.token_ttl_seconds = config_.session_ttl_seconds;
  office.now_seconds = config_.now_seconds ? config_.now_seconds : [] {
    return static_cast<int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count());
  };
  office.monotonic_seconds = config_.monotonic_seconds ? config_.monotonic_seconds : [] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  };
  office.today = config_.today;
  if (config_.rate_burst > 0) {
    office.limiter =
        std::make_unique<auth::RateLimiter>(config_.rate_burst, config_.rate_per_second);
  }
  if (config_.database) {
    office.office = std::make_unique<store::OfficeStore>(
        *config_.database, config_.sync_every_commit ? store::OfficeStore::Durability::full
                                                     : store::OfficeStore::Durability::normal);
  }
  office.catalog_file = &catalog_;

  if (!config_.fixtures_file.empty()) {
    const auto text = read_small_file(config_.fixtures_file, fixtures::IdentityFixtures::kMaxBytes);
    if (!text) {
      warnings_.push_back("cannot read identity fixtures " + config_.fixtures_file.string());
    } else {
      office.identities = fixtures::IdentityFixtures::from_json_text(*text, &warnings_);
    }
  }
  if (!config_.holidays_file.empty()) {
    const auto text =
        read_small_file(config_.holidays_file, calendar::HolidayCalendar::kMaxTextBytes);
    auto loaded = text ? calendar::HolidayCalendar::from_json_text(*text)
                       : calendar::LoadResult(calendar::LoadError{"unreadable", "", "", ""});
    if (loaded) {
      office.calendar = loaded.value();
    } else {
      warnings_.push_back("holiday calendar " + config_.holidays_file.string() +
                          " not used (weekends only): " + loaded.error().code + " " +
                          loaded.error().path);
    }
  }
  std::string error;
  if (!catalog_.path().empty() && !office.catalog(&error)) {
    warnings_.push_back("catalogue: " + error);
  }
}

void Server::install_routes() {
  httplib::Server& http = *http_;
  http.set_payload_max_length(config_.max_body_bytes);
  // httplib's default also sets SO_REUSEPORT, which lets a second stub bind the same port
  // and silently share its traffic. Keep only SO_REUSEADDR (quick restarts after TIME_WAIT).
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // Without TCP_NODELAY a response written in two pieces (headers, body) waits for the
  // client's delayed ACK: every keep-alive request took at least ~40 ms (bench/stub at idle,
  // 350 submissions/s at p50 44 ms while fsync took 0.3 ms). Accepted sockets inherit it.
  http.set_tcp_nodelay(true);
  // Slow or stalled clients must not hold a worker for long.
  http.set_read_timeout(10, 0);
  http.set_write_timeout(10, 0);
  const std::size_t threads = config_.worker_threads > 0 ? config_.worker_threads : 1;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_keep_alive_max_count(config_.keep_alive_max_requests);
  http.set_keep_alive_timeout(config_.keep_alive_timeout_seconds);

  http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    handle_healthz(config_.database, database_mutex_, res);
  });
  http.Post("/api/v1/validate", [this](const httplib::Request& req, httplib::Response& res) {
    handle_validate(req, res, config_.today);
  });
  http.Get("/api/v1/catalog", [this](const httplib::Request& req, httplib::Response& res) {
    handle_catalog(catalog_, req, res);
  });
  http.Get("/api/v1/catalog/items/([A-Za-z0-9._-]{1,128})",
           [this](const httplib::Request& req, httplib::Response& res) {
             handle_catalog_item(*office_, req, res);
           });
  http.Post("/api/v1/session", [this](const httplib::Request& req, httplib::Response& res) {
    handle_create_session(*office_, req, res);
  });
  http.Get("/api/v1/session/identities", [this](const httplib::Request&, httplib::Response& res) {
    handle_list_identities(*office_, res);
  });
  http.Get("/api/v1/me", [this](const httplib::Request& req, httplib::Response& res) {
    handle_me(*office_, req, res);
  });
  http.Get("/api/v1/me/licences", [this](const httplib::Request& req, httplib::Response& res) {
    handle_my_licences(*office_, req, res);
  });
  http.Post("/api/v1/submissions", [this](const httplib::Request& req, httplib::Response& res) {
    handle_create_submission(*office_, req, res);
  });
  http.Get("/api/v1/submissions", [this](const httplib::Request& req, httplib::Response& res) {
    handle_list_submissions(*office_, req, res);
  });
  http.Get("/api/v1/submissions/" HAOBAN_SUBMISSION_ID,
           [this](const httplib::Request& req, httplib::Response& res) {
             handle_get_submission(*office_, req, res);
           });
  http.Post("/api/v1/submissions/" HAOBAN_SUBMISSION_ID "/materials",
            [this](const httplib::Request& req, httplib::Response& res) {
              handle_supply_material(*office_, req, res);
            });
  http.Post("/api/v1/submissions/" HAOBAN_SUBMISSION_ID "/rating",
            [this](const httplib::Request& req, httplib::Response& res) {
              handle_create_rating(*office_, req, res);
            });
  http.Get("/api/v1/submissions/" HAOBAN_SUBMISSION_ID "/rating",
           [this](const httplib::Request& req, httplib::Response& res) {
             handle_get_rating(*office_, req, res);
           });
  // Everything else that is a GET (or HEAD) is a file: /core/… from the wasm package,
  // the rest from the app. req.path is already percent-decoded by httplib, so encoded
  // traversal ("%2e%2e") arrives here as ".." and is refused by resolve_static_path.
  http.Get("/.*", [this](const httplib::Request& req, httplib::Response& res) {
    const std::string_view path = req.path;
    const std::string accept_encoding = req.get_header_value("Accept-Encoding");
    const std::string if_none_match = req.get_header_value("If-None-Match");
    if (path.substr(0, kCorePrefix.size()) == kCorePrefix) {
      serve_static(config_.core_dir, path.substr(kCorePrefix.size()), res, accept_encoding,
                   if_none_match);
    } else {
      serve_static(config_.app_dir, path.substr(1), res, accept_encoding, if_none_match);
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
