#include "cli/command.h"

#include "cli/catalog_command.h"
#include "cli/check_command.h"
#include "cli/eligibility_command.h"
#include "cli/expr_command.h"
#include "cli/logic_command.h"
#include "cli/match_command.h"
#include "cli/search_command.h"
#include "cli/serve_command.h"
#include "cli/validate_command.h"

namespace haoban::cli {

const std::vector<Command>& all_commands() {
  static const std::vector<Command> commands = {
      {"serve", "start the back-office HTTP stub (default 127.0.0.1:8080)", run_serve},
      {"validate", "validate an identifier: haoban validate KIND VALUE [--today YYYY-MM-DD]",
       run_validate},
      {"logic", "evaluate JsonLogic: haoban logic RULE [DATA] [--explain] [--today D]", run_logic},
      {"catalog",
       "check or pack a catalogue: haoban catalog check FILE [--strict], "
       "haoban catalog pack FILE OUT",
       run_catalog},
      {"search",
       "search a catalogue: haoban search --catalog FILE QUERY [--audience A] [--limit N]",
       run_search},
      {"check",
       "一次性告知单: haoban check --catalog F --item ID --application F [--profile F] [--today D] "
       "[--format json|text]",
       run_check},
      {"eligibility",
       "受理条件 verdict with reasons: haoban eligibility --catalog F --item ID [--application F] "
       "[--profile F]",
       run_eligibility},
      {"match", "免申即享 policies for a profile: haoban match --catalog F --profile F [--today D]",
       run_match},
      {"expr", "evaluate infix: haoban expr EXPR [DATA] [--explain] [--today D]", run_expr},
  };
  return commands;
}

}  // namespace haoban::cli
