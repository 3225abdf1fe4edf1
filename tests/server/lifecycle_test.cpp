// Starting and stopping: port 0, stop() at any moment, and the `serve` command's clean exit
// on SIGINT/SIGTERM (in a forked child, so that the signal hits a real process).
#include <poll.h>
#include <sys/wait.h>

#include <fcntl.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/serve_command.h"
#include "cli/validate_command.h"
#include "server_fixture.h"

namespace haoban::testing {
namespace {

using namespace std::chrono_literals;

TEST_F(ServerTest, PortZeroBindsAFreePortAndReportsItInTheUrl) {
  start_server();
  const int port = server_->port();
  EXPECT_GT(port, 0);
  EXPECT_EQ(server_->url(), "http://127.0.0.1:" + std::to_string(port) + "/");
  auto c = client();
  const auto result = c.Get("/healthz");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
}

TEST_F(ServerTest, StopEndsRunAndClosesThePort) {
  start_server();
  const int port = server_->port();
  ASSERT_TRUE(client().Get("/healthz"));
  server_->stop();
  thread_.join();
  EXPECT_TRUE(run_result_);
  httplib::Client late("127.0.0.1", port);
  late.set_connection_timeout(1, 0);
  EXPECT_FALSE(late.Get("/healthz"));
  server_->stop();  // a second stop is harmless
}

TEST_F(ServerTest, StopRightAfterStartIsNeverLost) {
  // stop() may come before run() has begun listening; run() must still return.
  for (int i = 0; i < 20; ++i) {
    start_server();
    const auto begun = std::chrono::steady_clock::now();
    stop_server();
    EXPECT_LT(std::chrono::steady_clock::now() - begun, 5s) << "iteration " << i;
  }
}

TEST_F(ServerTest, StopBeforeRunMakesRunReturnAtOnce) {
  http::ServerConfig config;
  config.port = 0;
  config.app_dir = app_dir_;
  http::Server server(std::move(config));
  std::string error;
  ASSERT_TRUE(server.bind(&error)) << error;
  server.stop();
  EXPECT_FALSE(server.run());
}

TEST_F(ServerTest, ABusyPortIsAnErrorNotACrash) {
  start_server();
  http::ServerConfig config;
  config.port = server_->port();
  http::Server second(std::move(config));
  std::string error;
  EXPECT_FALSE(second.bind(&error));
  EXPECT_NE(error.find(std::to_string(server_->port())), std::string::npos) << error;
}

// Runs `haoban serve ARGS` in a child process with stdout on a pipe.
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> args, const std::filesystem::path& log) {
    int fds[2];
    if (pipe(fds) != 0) return;
    // The child runs run_serve in this process image (no exec): whatever this process still
    // has in its stdio buffers would be flushed by the child into the pipe ahead of the
    // "serving" line (gtest's "Running main() …" under --gtest_brief, which flushes less).
    std::fflush(nullptr);
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      const int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (err >= 0) dup2(err, STDERR_FILENO);
      close(fds[0]);
      close(fds[1]);
      _exit(cli::run_serve(args));
    }
    close(fds[1]);
    out_ = fds[0];
  }
  ~ServeProcess() {
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
  }

  // The first stdout line, or "" after 10 s.
  std::string first_line() {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      char c;
      if (read(out_, &c, 1) != 1) break;
      if (c == '\n') return line;
      line += c;
    }
    return line;
  }

  // Sends the signal and waits (up to 10 s) for the exit; returns the wait status or -1.
  int signal_and_wait(int signal_number) {
    kill(pid_, signal_number);
    for (int i = 0; i < 1000; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        reaped_ = true;
        return status;
      }
      std::this_thread::sleep_for(10ms);
    }
    return -1;
  }

  int wait_exit() {
    int status = 0;
    waitpid(pid_, &status, 0);
    reaped_ = true;
    return status;
  }

  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  bool reaped_ = false;
};

class ServeCommandTest : public ServerTest {
 protected:
  std::vector<std::string> serve_args() const {
    return {"--port",     "0",
            "--app-dir",  app_dir_.string(),
            "--core-dir", core_dir_.string(),
            "--data-dir", (temp_.path() / "var").string(),
            "--catalog",  catalog_.string()};
  }
  std::filesystem::path log() const { return temp_.path() / "serve.log"; }

  void expect_clean_exit_on(int signal_number) {
    ServeProcess serve(serve_args(), log());
    ASSERT_GT(serve.pid(), 0);
    const std::string line = serve.first_line();
    const std::string prefix = "haoban: serving http://127.0.0.1:";
    ASSERT_EQ(line.rfind(prefix, 0), 0u) << line;
    const int port = std::stoi(line.substr(prefix.size()));
    EXPECT_GT(port, 0);
    EXPECT_EQ(line, prefix + std::to_string(port) + "/");

    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(5, 0);
    const auto health = c.Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    EXPECT_TRUE(std::filesystem::exists(temp_.path() / "var" / "haoban.sqlite"));

    const int status = serve.signal_and_wait(signal_number);
    ASSERT_NE(status, -1) << "did not exit";
    ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
    EXPECT_EQ(WEXITSTATUS(status), 0);
  }
};

TEST_F(ServeCommandTest, PrintsTheUrlServesAndExitsZeroOnSigterm) { expect_clean_exit_on(SIGTERM); }

TEST_F(ServeCommandTest, ExitsZeroOnSigint) { expect_clean_exit_on(SIGINT); }

TEST_F(ServeCommandTest, UsageErrorsExitTwo) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--port", "http"},
                                             {"--port", "70000"},
                                             {"--port", "-1"},
                                             {"--port", "80x"},
                                             {"--port="},
                                             {"--colour", "red"},
                                             {"extra"},
                                             {"--port"}}) {
    ServeProcess serve(args, log());
    const int status = serve.wait_exit();
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2) << args.front();
  }
}

TEST(ValidateCommand, PrintsJsonAndExitsByValidity) {
  ::testing::internal::CaptureStdout();
  const int valid =
      cli::run_validate({"resident_id", "11010519491231002X", "--today", "2026-11-27"});
  const std::string valid_out = ::testing::internal::GetCapturedStdout();
  EXPECT_EQ(valid, 0);
  const auto valid_json = nlohmann::json::parse(valid_out);
  EXPECT_EQ(valid_json["valid"], true);
  EXPECT_EQ(valid_json["facts"]["birthDate"], "1949-12-31");

  ::testing::internal::CaptureStdout();
  const int invalid = cli::run_validate({"resident_id", "110105194912310021"});
  const auto invalid_json = nlohmann::json::parse(::testing::internal::GetCapturedStdout());
  EXPECT_EQ(invalid, 1);
  EXPECT_EQ(invalid_json["error"]["code"], "checksum");
}

TEST(ValidateCommand, UsageErrorsExitTwo) {
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(cli::run_validate({}), 2);
  EXPECT_EQ(cli::run_validate({"resident_id"}), 2);
  EXPECT_EQ(cli::run_validate({"resident_id", "1", "extra"}), 2);
  EXPECT_EQ(cli::run_validate({"resident_id", "1", "--today", "2026-02-30"}), 2);
  EXPECT_EQ(cli::run_validate({"resident_id", "1", "--now", "x"}), 2);
  EXPECT_NE(::testing::internal::GetCapturedStderr().find("usage:"), std::string::npos);
}

}  // namespace
}  // namespace haoban::testing
