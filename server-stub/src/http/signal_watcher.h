// Turns SIGINT and SIGTERM into an ordinary function call on an ordinary thread.
// A signal handler may only call async-signal-safe functions, and stopping the HTTP server
// is not one; instead the signals are blocked in every thread and one thread waits for
// them with sigwait(), then runs the callback.
#pragma once

#include <pthread.h>

#include <atomic>
#include <functional>
#include <thread>

namespace haoban::http {

class SignalWatcher {
 public:
  // Blocks SIGINT and SIGTERM in the calling thread (and so in every thread it creates
  // afterwards). Call it first thing, before any other thread exists.
  static void block_shutdown_signals();

  // Starts the watching thread; on_signal(signal_number) runs at most once on it.
  explicit SignalWatcher(std::function<void(int)> on_signal);
  // Ends the watching thread (without calling on_signal if no signal came).
  ~SignalWatcher();
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

  // The signal received, or 0.
  int received() const { return received_; }

 private:
  std::function<void(int)> on_signal_;
  std::atomic<bool> closing_{false};
  std::atomic<int> received_{0};
  std::thread thread_;
};

}  // namespace haoban::http
