// The `haoban` executable's subcommands. Each command lives in its own file under cli/ and
// is listed once in commands.cpp; main.cpp only dispatches.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace haoban::cli {

struct Command {
  std::string name;     // "serve", "logic", "catalog", …
  std::string summary;  // one line for `haoban help`
  // args excludes the program and command names. Returns the process exit status.
  std::function<int(const std::vector<std::string>& args)> run;
};

const std::vector<Command>& all_commands();

}  // namespace haoban::cli
