// haoban: the back-office stub and the command-line tools, one executable.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"

namespace {

void print_usage() {
  std::fputs("usage: haoban <command> [args]\n\ncommands:\n", stderr);
  for (const auto& command : haoban::cli::all_commands()) {
    std::fprintf(stderr, "  %-10s %s\n", command.name.c_str(), command.summary.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "help" || std::string(argv[1]) == "--help") {
    print_usage();
    return argc < 2 ? 2 : 0;
  }
  const std::string name = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  for (const auto& command : haoban::cli::all_commands()) {
    if (command.name == name) return command.run(args);
  }
  std::fprintf(stderr, "haoban: unknown command '%s'\n", name.c_str());
  print_usage();
  return 2;
}
