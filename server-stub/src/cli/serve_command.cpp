// `haoban serve`: the back-office stub. Opens the SQLite store, serves the API and the H5
// app, prints its URL once it is listening, and exits 0 on SIGINT or SIGTERM.
#ifdef __linux__
#include <malloc.h>  // mallopt (glibc)
#endif

#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>

#include "auth/session_key.h"
#include "cli/options.h"
#include "cli/serve_command.h"
#include "haoban/store/database.h"
#include "http/server.h"
#include "http/signal_watcher.h"

namespace haoban::cli {

namespace {

constexpr const char* kUsage =
    "usage: haoban serve [--host 127.0.0.1] [--port 8080] [--app-dir app-mobile]\n"
    "                    [--core-dir wasm/package] [--data-dir var]\n"
    "                    [--catalog data/catalog/guangzhou.json]\n"
    "                    [--fixtures data/fixtures/identities.json]\n"
    "                    [--holidays data/holidays/cn-mainland.json]\n"
    "                    [--rate-burst 120] [--rate-per-second 30] [--access-log on|off]\n"
    "                    [--synchronous full|normal] [--threads 32]\n"
    "  --port 0 picks a free port; relative paths resolve against the current directory.\n"
    "  The rate limit is per identity (a token bucket); --rate-burst 0 turns it off\n"
    "  (load tests). The access log goes to stderr, one line per request.\n"
    "  --synchronous normal skips the fsync at each commit (measurements only: a power\n"
    "  loss could then lose acknowledged submissions).\n"
    "  --threads is the number of connections served at once (a kept-alive connection holds\n"
    "  one); more wait until one is free.\n";

int serve_usage_error(const std::string& message) {
  std::fprintf(stderr, "haoban serve: %s\n%s", message.c_str(), kUsage);
  return 2;
}

std::filesystem::path absolute_path(const std::string& text) {
  std::error_code error;
  auto path = std::filesystem::absolute(text, error);
  return error ? std::filesystem::path(text) : path.lexically_normal();
}

}  // namespace

int run_serve(const std::vector<std::string>& args) {
  // Before any thread exists, so that every thread inherits the mask and only the
  // watcher receives SIGINT/SIGTERM.
  http::SignalWatcher::block_shutdown_signals();
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not kill the stub
#ifdef M_ARENA_MAX
  // glibc gives threads that contend for malloc arenas of their own, up to 8 per core: with
  // 32 workers a request's freed memory is spread over up to 16 heaps that each keep some,
  // and the RSS crept up through a 5-minute soak. Two arenas (bench/stub/README.md, soak).
  mallopt(M_ARENA_MAX, 2);
#endif

  std::string error;
  const auto options = parse_options(
      args,
      {"host", "port", "app-dir", "core-dir", "data-dir", "catalog", "fixtures", "holidays",
       "rate-burst", "rate-per-second", "access-log", "synchronous", "threads"},
      &error);
  if (!options) return serve_usage_error(error);
  if (!options->positional.empty()) {
    return serve_usage_error("unexpected argument '" + options->positional.front() + "'");
  }

  http::ServerConfig config;
  config.host = options->get("host", "127.0.0.1");
  const std::string port_text = options->get("port", "8080");
  const auto [end, parse_error] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), config.port);
  if (port_text.empty() || parse_error != std::errc() ||
      end != port_text.data() + port_text.size() || config.port < 0 || config.port > 65535) {
    return serve_usage_error("--port must be a number from 0 to 65535, not '" + port_text + "'");
  }
  config.app_dir = absolute_path(options->get("app-dir", "app-mobile"));
  config.core_dir = absolute_path(options->get("core-dir", "wasm/package"));
  config.catalog_file = absolute_path(options->get("catalog", "data/catalog/guangzhou.json"));
  const auto data_dir = absolute_path(options->get("data-dir", "var"));
  const std::string access_log = options->get("access-log", "on");
  if (access_log != "on" && access_log != "off")
    return serve_usage_error("--access-log must be on or off");
  config.access_log = access_log == "on";
  const std::string synchronous = options->get("synchronous", "full");
  if (synchronous != "full" && synchronous != "normal")
    return serve_usage_error("--synchronous must be full or normal");
  config.sync_every_commit = synchronous == "full";
  for (const auto& [flag, target] : {std::pair{"rate-burst", &config.rate_burst},
                                     std::pair{"rate-per-second", &config.rate_per_second}}) {
    const std::string text = options->get(flag, "");
    if (text.empty()) continue;
    char* parsed_end = nullptr;
    const double value = std::strtod(text.c_str(), &parsed_end);
    if (parsed_end != text.c_str() + text.size() || !(value >= 0) || value > 1e9) {
      return serve_usage_error(std::string("--") + flag + " must be a number >= 0, not '" + text +
                               "'");
    }
    *target = value;
  }

  const std::string threads_text = options->get("threads", "32");
  const auto [threads_end, threads_error] = std::from_chars(
      threads_text.data(), threads_text.data() + threads_text.size(), config.worker_threads);
  if (threads_text.empty() || threads_error != std::errc() ||
      threads_end != threads_text.data() + threads_text.size() || config.worker_threads < 1 ||
      config.worker_threads > 1024) {
    return serve_usage_error("--threads must be a number from 1 to 1024, not '" + threads_text +
                             "'");
  }

  std::error_code fs_error;
  if (!std::filesystem::is_directory(config.app_dir, fs_error)) {
    std::fprintf(stderr, "haoban serve: warning: no app directory at %s\n", config.app_dir.c_str());
  }
  if (!std::filesystem::is_directory(config.core_dir, fs_error)) {
    std::fprintf(stderr, "haoban serve: warning: no core package at %s (build wasm-release)\n",
                 config.core_dir.c_str());
  }
  std::filesystem::create_directories(data_dir, fs_error);
  if (fs_error) {
    std::fprintf(stderr, "haoban serve: cannot create %s: %s\n", data_dir.c_str(),
                 fs_error.message().c_str());
    return 1;
  }
  const auto database_path = (data_dir / "haoban.sqlite").string();
  auto database = store::Database::open(database_path, &error);
  if (!database) {
    std::fprintf(stderr, "haoban serve: cannot open %s: %s\n", database_path.c_str(),
                 error.c_str());
    return 1;
  }
  config.database = database.get();
  config.fixtures_file = absolute_path(options->get("fixtures", "data/fixtures/identities.json"));
  config.holidays_file = absolute_path(options->get("holidays", "data/holidays/cn-mainland.json"));
  // Generated on first start, kept with the data: tokens stay valid across restarts.
  const auto key = auth::load_or_create_session_key(data_dir / "session.key", &error);
  if (!key) {
    std::fprintf(stderr, "haoban serve: %s\n", error.c_str());
    return 1;
  }
  config.session_key = *key;

  http::Server server(std::move(config));
  if (!server.bind(&error)) {
    std::fprintf(stderr, "haoban serve: %s\n", error.c_str());
    return 1;
  }
  for (const auto& warning : server.warnings()) {
    std::fprintf(stderr, "haoban serve: warning: %s\n", warning.c_str());
  }
  http::SignalWatcher watcher([&server](int) { server.stop(); });

  // Printed once the socket is bound: connections are queued from now on, so whoever
  // reads this line (a test, the run script) may connect at once.
  std::printf("haoban: serving %s\n", server.url().c_str());
  std::fflush(stdout);

  const bool ok = server.run();
  if (watcher.received() != 0) {
    std::fprintf(stderr, "haoban: signal %d, stopped\n", watcher.received());
    return 0;
  }
  return ok ? 0 : 1;
}

}  // namespace haoban::cli
