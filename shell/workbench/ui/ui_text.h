// Every fixed string the workbench draws, in one place, so that the CJK font loader can add
// exactly these glyphs to the atlas on top of the common-Chinese range.
#pragma once

#include <string>

namespace haoban::workbench::ui_text {

inline constexpr const char* kWindowTitle = "好办 工作台 · haoban workbench";
inline constexpr const char* kValidatorHeader = "证件号码校验 · Identity validation";
inline constexpr const char* kKindLabel = "证件类型 · Kind";
inline constexpr const char* kInputLabel = "号码 · Number";
inline constexpr const char* kClearButton = "清空 · Clear";
inline constexpr const char* kToday = "今天 · Today";
inline constexpr const char* kPrompt = "请输入号码 · Type a number";
inline constexpr const char* kValid = "有效 · Valid";
inline constexpr const char* kInvalid = "无效 · Invalid";
inline constexpr const char* kErrorCode = "错误代码 · Error code";
inline constexpr const char* kNormalized = "规范化 · Normalised";
inline constexpr const char* kFacts = "派生信息 · Facts";
inline constexpr const char* kInternalError = "内部错误，请重试 · Internal error, please retry";

// Fact keys of the validators with the labels shown for them; unknown keys show as they are.
inline constexpr const char* kFactLabels[][2] = {
    {"birthDate", "出生日期 · Birth date"},
    {"sex", "性别 · Sex"},
    {"age", "年龄 · Age"},
    {"division", "行政区划 · Division"},
    {"divisionName", "区划名称 · Division name"},
    {"divisionHistoric", "旧区划代码 · Historic division code"},
    {"province", "省级区划 · Province"},
    {"provinceName", "省份 · Province name"},
    {"registrationAuthority", "登记管理部门 · Registration authority"},
    {"registrationAuthorityName", "登记管理部门名称 · Authority name"},
    {"orgType", "机构类别 · Organisation type"},
    {"orgTypeName", "机构类别名称 · Type name"},
    {"orgCode", "主体标识码 · Organisation code"},
};
inline constexpr const char* kMale = "男 · male";
inline constexpr const char* kFemale = "女 · female";
inline constexpr const char* kYes = "是 · yes";
inline constexpr const char* kNo = "否 · no";

// All of the above plus the kind labels, concatenated (for glyph-range building).
std::string all_text();

}  // namespace haoban::workbench::ui_text
