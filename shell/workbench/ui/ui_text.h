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

// The catalogue, form, notice, rule console and kiosk (issue 10).
inline constexpr const char* kKioskTitle = "好办 自助服务 · Self-service";
inline constexpr const char* kTabForm = "表单 · Form";
inline constexpr const char* kTabNotice = "一次性告知单 · Notice";
inline constexpr const char* kTabRules = "规则控制台 · Rules";
inline constexpr const char* kTabLoadReport = "加载报告 · Load report";
inline constexpr const char* kTabIds = "证件校验 · IDs";
inline constexpr const char* kCatalogFileHint = "事项目录文件 · catalogue file";
inline constexpr const char* kLoadFile = "加载 · Load";
inline constexpr const char* kLoadStub = "从服务加载 · From stub";
inline constexpr const char* kStrict = "严格模式（有错即失败） · Strict";
inline constexpr const char* kCannotRead = "无法读取 · Cannot read";
inline constexpr const char* kCatalogVersion = "目录版本 · Version";
inline constexpr const char* kItemsUnit = "个事项 · items";
inline constexpr const char* kCatalogUnusable = "目录无法使用 · Catalogue unusable";
inline constexpr const char* kLoadErrorsUnit = "个加载错误，见“加载报告” · load errors";
inline constexpr const char* kApplicant = "申请人（测试身份） · Applicant";
inline constexpr const char* kProfileAuto = "按服务对象自动选择 · By audience";
inline constexpr const char* kSearchHint = "搜索事项：中文、拼音或首字母 · Search";
inline constexpr const char* kNoMatches = "没有匹配的事项 · No matches";
inline constexpr const char* kNoCatalog = "尚未加载事项目录 · No catalogue loaded";
inline constexpr const char* kSource = "来源 · Source";
inline constexpr const char* kSkipped = "已跳过 · Skipped";
inline constexpr const char* kNoLoadErrors = "没有加载错误 · No load errors";
inline constexpr const char* kJsonPath = "JSON 路径 · Path";
inline constexpr const char* kCode = "代码 · Code";
inline constexpr const char* kMessage = "说明 · Message";
inline constexpr const char* kNoItemOpen = "请在左侧选择一个事项 · Choose an item on the left";
inline constexpr const char* kChoose = "请选择 · Choose";
inline constexpr const char* kAgree = "我已阅读并同意 · I agree";
inline constexpr const char* kUploaded = "已上传 · Uploaded";
inline constexpr const char* kSign = "签名 · Sign";
inline constexpr const char* kSigned = "已签名（点击清除） · Signed";
inline constexpr const char* kAddRow = "添加一行 · Add row";
inline constexpr const char* kRemoveRow = "删除此行 · Remove row";
inline constexpr const char* kMoneyHint = "金额（元） · yuan";
inline constexpr const char* kDivisionHint = "区划代码 · division";
inline constexpr const char* kAddressHint = "详细地址 · address";
inline constexpr const char* kWarningPrefix = "提示：";
inline constexpr const char* kPassedMark = "✔ ";
inline constexpr const char* kFailedMark = "✘ ";
inline constexpr const char* kReady = "✔ 材料齐全，可以提交 · Ready to submit";
inline constexpr const char* kNotReady = "✘ 尚不能提交，请按告知单补正 · Not ready";
inline constexpr const char* kFieldProblems = "填写问题 · Field problems";
inline constexpr const char* kNone = "无 · None";
inline constexpr const char* kEligibility = "受理条件 · Eligibility";
inline constexpr const char* kEligible = "符合受理条件 · Eligible";
inline constexpr const char* kNotEligible = "不符合受理条件 · Not eligible";
inline constexpr const char* kUndetermined = "尚无法判断 · Undetermined";
inline constexpr const char* kMissingFact = "缺少信息 · Missing";
inline constexpr const char* kBasis = "依据 · Basis";
inline constexpr const char* kMaterials = "申请材料 · Materials";
inline constexpr const char* kTripsAndDeadline = "跑动次数与办结时限 · Trips and deadline";
inline constexpr const char* kTrips = "到现场次数 · Trips:";
inline constexpr const char* kDue = "承诺办结日期 · Due:";
inline constexpr const char* kPackage = "申请包 · Package";
inline constexpr const char* kDigest = "SHA-256 幂等键 · Digest:";
inline constexpr const char* kCanonicalJson = "规范化 JSON · Canonical JSON";
inline constexpr const char* kInfix = "中缀表达式 · Infix";
inline constexpr const char* kInfixColon = "中缀 · Infix:";
inline constexpr const char* kEvaluate = "计算 · Evaluate";
inline constexpr const char* kOnCurrentAnswers = "基于当前表单答案 · on the current answers";
inline constexpr const char* kOnApplicantOnly = "仅申请人信息（未打开事项） · applicant only";
inline constexpr const char* kAtLineColumn = "位置（行:列） · At";
inline constexpr const char* kAtPath = "位置 · At";
inline constexpr const char* kResult = "结果 · Result:";
inline constexpr const char* kStartOver = "重新开始 · Start over";
inline constexpr const char* kIdleWarningFormat = "无操作，%d 秒后将清空 · Resetting in %d s";

// All of the above plus the kind labels, concatenated (for glyph-range building).
std::string all_text();

}  // namespace haoban::workbench::ui_text
