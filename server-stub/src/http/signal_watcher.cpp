#include "http/signal_watcher.h"

#include <csignal>

namespace haoban::http {

namespace {

sigset_t shutdown_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

void SignalWatcher::block_shutdown_signals() {
  const sigset_t set = shutdown_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalWatcher::SignalWatcher(std::function<void(int)> on_signal)
    : on_signal_(std::move(on_signal)) {
  block_shutdown_signals();  // in case the caller forgot; harmless when already blocked
  thread_ = std::thread([this] {
    const sigset_t set = shutdown_signals();
    int signal_number = 0;
    while (sigwait(&set, &signal_number) != 0) {
    }
    if (closing_) return;  // woken by the destructor, not by a real signal
    received_ = signal_number;
    if (on_signal_) on_signal_(signal_number);
  });
}

SignalWatcher::~SignalWatcher() {
  closing_ = true;
  if (thread_.joinable()) {
    if (received_ == 0) {
      // Wake our own sigwait with a signal aimed at that thread only (not the process).
      pthread_kill(thread_.native_handle(), SIGTERM);
    }
    thread_.join();
  }
}

}  // namespace haoban::http
