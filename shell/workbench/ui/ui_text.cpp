#include "ui_text.h"

#include "validator_kinds.h"

namespace haoban::workbench::ui_text {

std::string all_text() {
  std::string text;
  for (const char* s : {kWindowTitle, kValidatorHeader, kKindLabel, kInputLabel, kClearButton,
                        kToday, kPrompt, kValid, kInvalid, kErrorCode, kNormalized, kFacts,
                        kInternalError, kMale, kFemale, kYes, kNo}) {
    text += s;
  }
  for (const auto& label : kFactLabels) text += label[1];
  for (const auto& kind : validator_kinds()) text += kind.zh;
  return text;
}

}  // namespace haoban::workbench::ui_text
