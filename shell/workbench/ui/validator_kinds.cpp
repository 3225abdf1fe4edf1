#include "validator_kinds.h"

#include <array>

namespace haoban::workbench {

namespace {

// Samples are the worked examples of DESIGN.md where it has one; the permit samples only
// have to match the format rules, which is all those validators check.
constexpr std::array kKinds{
    ValidatorKind{"resident_id", "居民身份证", "Resident ID card", "11010519491231002X"},
    ValidatorKind{"uscc", "统一社会信用代码", "Unified social credit code", "91350100M000100Y43"},
    ValidatorKind{"mobile", "手机号码", "Mobile number", "13800138000"},
    ValidatorKind{"hk_macau_permit", "往来港澳通行证", "Exit-entry permit to HK/Macau",
                  "C12345678"},
    ValidatorKind{"mainland_travel_permit", "港澳居民来往内地通行证",
                  "Mainland travel permit for HK/Macau residents", "H12345678"},
    ValidatorKind{"passport", "护照", "Passport", "E12345678"},
};

}  // namespace

std::span<const ValidatorKind> validator_kinds() { return kKinds; }

}  // namespace haoban::workbench
