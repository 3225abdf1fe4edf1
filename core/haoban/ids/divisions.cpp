#include "haoban/ids/divisions.h"

#include <algorithm>
#include <iterator>

namespace haoban::ids {
namespace {

struct Entry {
  std::string_view code;
  std::string_view name;
  bool historic;
};

constexpr bool kCurrent = false;
constexpr bool kHistoric = true;

// Source: GB/T 2260《中华人民共和国行政区划代码》 as published and updated by 民政部
// (县级以上行政区划代码, the 2023 list), transcribed by hand for the codes below.
// Historic codes are the ones GB 11643 numbers issued before a merger still carry:
// 广州 东山区 → 越秀区 (2005), 芳村区 → 荔湾区 (2005), 萝岗区 → 黄埔区 (2014),
// 番禺市/花都市 → 区 (2000), 增城市/从化市 → 区 (2014); 北京 崇文区/宣武区 (2010).
// Kept sorted by code (checked at compile time below) so lookups are binary searches.
// The full national county list belongs in data/ once the reference-data issue lands.
constexpr Entry kTable[] = {
    {"110000", "北京市", kCurrent},
    {"110101", "东城区", kCurrent},
    {"110102", "西城区", kCurrent},
    {"110103", "崇文区", kHistoric},
    {"110104", "宣武区", kHistoric},
    {"110105", "朝阳区", kCurrent},
    {"110106", "丰台区", kCurrent},
    {"110107", "石景山区", kCurrent},
    {"110108", "海淀区", kCurrent},
    {"110109", "门头沟区", kCurrent},
    {"110111", "房山区", kCurrent},
    {"110112", "通州区", kCurrent},
    {"110113", "顺义区", kCurrent},
    {"110114", "昌平区", kCurrent},
    {"110115", "大兴区", kCurrent},
    {"110116", "怀柔区", kCurrent},
    {"110117", "平谷区", kCurrent},
    {"110118", "密云区", kCurrent},
    {"110119", "延庆区", kCurrent},
    {"120000", "天津市", kCurrent},
    {"130000", "河北省", kCurrent},
    {"140000", "山西省", kCurrent},
    {"150000", "内蒙古自治区", kCurrent},
    {"210000", "辽宁省", kCurrent},
    {"220000", "吉林省", kCurrent},
    {"230000", "黑龙江省", kCurrent},
    {"310000", "上海市", kCurrent},
    {"320000", "江苏省", kCurrent},
    {"330000", "浙江省", kCurrent},
    {"340000", "安徽省", kCurrent},
    {"350000", "福建省", kCurrent},
    {"360000", "江西省", kCurrent},
    {"370000", "山东省", kCurrent},
    {"410000", "河南省", kCurrent},
    {"420000", "湖北省", kCurrent},
    {"430000", "湖南省", kCurrent},
    {"440000", "广东省", kCurrent},
    {"440100", "广州市", kCurrent},
    {"440102", "东山区", kHistoric},
    {"440103", "荔湾区", kCurrent},
    {"440104", "越秀区", kCurrent},
    {"440105", "海珠区", kCurrent},
    {"440106", "天河区", kCurrent},
    {"440107", "芳村区", kHistoric},
    {"440111", "白云区", kCurrent},
    {"440112", "黄埔区", kCurrent},
    {"440113", "番禺区", kCurrent},
    {"440114", "花都区", kCurrent},
    {"440115", "南沙区", kCurrent},
    {"440116", "萝岗区", kHistoric},
    {"440117", "从化区", kCurrent},
    {"440118", "增城区", kCurrent},
    {"440181", "番禺市", kHistoric},
    {"440182", "花都市", kHistoric},
    {"440183", "增城市", kHistoric},
    {"440184", "从化市", kHistoric},
    {"440200", "韶关市", kCurrent},
    {"440203", "武江区", kCurrent},
    {"440204", "浈江区", kCurrent},
    {"440205", "曲江区", kCurrent},
    {"440222", "始兴县", kCurrent},
    {"440224", "仁化县", kCurrent},
    {"440229", "翁源县", kCurrent},
    {"440232", "乳源瑶族自治县", kCurrent},
    {"440233", "新丰县", kCurrent},
    {"440281", "乐昌市", kCurrent},
    {"440282", "南雄市", kCurrent},
    {"440300", "深圳市", kCurrent},
    {"440303", "罗湖区", kCurrent},
    {"440304", "福田区", kCurrent},
    {"440305", "南山区", kCurrent},
    {"440306", "宝安区", kCurrent},
    {"440307", "龙岗区", kCurrent},
    {"440308", "盐田区", kCurrent},
    {"440309", "龙华区", kCurrent},
    {"440310", "坪山区", kCurrent},
    {"440311", "光明区", kCurrent},
    {"440400", "珠海市", kCurrent},
    {"440402", "香洲区", kCurrent},
    {"440403", "斗门区", kCurrent},
    {"440404", "金湾区", kCurrent},
    {"440500", "汕头市", kCurrent},
    {"440507", "龙湖区", kCurrent},
    {"440511", "金平区", kCurrent},
    {"440512", "濠江区", kCurrent},
    {"440513", "潮阳区", kCurrent},
    {"440514", "潮南区", kCurrent},
    {"440515", "澄海区", kCurrent},
    {"440523", "南澳县", kCurrent},
    {"440600", "佛山市", kCurrent},
    {"440604", "禅城区", kCurrent},
    {"440605", "南海区", kCurrent},
    {"440606", "顺德区", kCurrent},
    {"440607", "三水区", kCurrent},
    {"440608", "高明区", kCurrent},
    {"440700", "江门市", kCurrent},
    {"440703", "蓬江区", kCurrent},
    {"440704", "江海区", kCurrent},
    {"440705", "新会区", kCurrent},
    {"440781", "台山市", kCurrent},
    {"440783", "开平市", kCurrent},
    {"440784", "鹤山市", kCurrent},
    {"440785", "恩平市", kCurrent},
    {"440800", "湛江市", kCurrent},
    {"440802", "赤坎区", kCurrent},
    {"440803", "霞山区", kCurrent},
    {"440804", "坡头区", kCurrent},
    {"440811", "麻章区", kCurrent},
    {"440823", "遂溪县", kCurrent},
    {"440825", "徐闻县", kCurrent},
    {"440881", "廉江市", kCurrent},
    {"440882", "雷州市", kCurrent},
    {"440883", "吴川市", kCurrent},
    {"440900", "茂名市", kCurrent},
    {"440902", "茂南区", kCurrent},
    {"440904", "电白区", kCurrent},
    {"440981", "高州市", kCurrent},
    {"440982", "化州市", kCurrent},
    {"440983", "信宜市", kCurrent},
    {"441200", "肇庆市", kCurrent},
    {"441202", "端州区", kCurrent},
    {"441203", "鼎湖区", kCurrent},
    {"441204", "高要区", kCurrent},
    {"441223", "广宁县", kCurrent},
    {"441224", "怀集县", kCurrent},
    {"441225", "封开县", kCurrent},
    {"441226", "德庆县", kCurrent},
    {"441284", "四会市", kCurrent},
    {"441300", "惠州市", kCurrent},
    {"441302", "惠城区", kCurrent},
    {"441303", "惠阳区", kCurrent},
    {"441322", "博罗县", kCurrent},
    {"441323", "惠东县", kCurrent},
    {"441324", "龙门县", kCurrent},
    {"441400", "梅州市", kCurrent},
    {"441402", "梅江区", kCurrent},
    {"441403", "梅县区", kCurrent},
    {"441422", "大埔县", kCurrent},
    {"441423", "丰顺县", kCurrent},
    {"441424", "五华县", kCurrent},
    {"441426", "平远县", kCurrent},
    {"441427", "蕉岭县", kCurrent},
    {"441481", "兴宁市", kCurrent},
    {"441500", "汕尾市", kCurrent},
    {"441502", "城区", kCurrent},
    {"441521", "海丰县", kCurrent},
    {"441523", "陆河县", kCurrent},
    {"441581", "陆丰市", kCurrent},
    {"441600", "河源市", kCurrent},
    {"441602", "源城区", kCurrent},
    {"441621", "紫金县", kCurrent},
    {"441622", "龙川县", kCurrent},
    {"441623", "连平县", kCurrent},
    {"441624", "和平县", kCurrent},
    {"441625", "东源县", kCurrent},
    {"441700", "阳江市", kCurrent},
    {"441702", "江城区", kCurrent},
    {"441704", "阳东区", kCurrent},
    {"441721", "阳西县", kCurrent},
    {"441781", "阳春市", kCurrent},
    {"441800", "清远市", kCurrent},
    {"441802", "清城区", kCurrent},
    {"441803", "清新区", kCurrent},
    {"441821", "佛冈县", kCurrent},
    {"441823", "阳山县", kCurrent},
    {"441825", "连山壮族瑶族自治县", kCurrent},
    {"441826", "连南瑶族自治县", kCurrent},
    {"441881", "英德市", kCurrent},
    {"441882", "连州市", kCurrent},
    {"441900", "东莞市", kCurrent},
    {"442000", "中山市", kCurrent},
    {"445100", "潮州市", kCurrent},
    {"445102", "湘桥区", kCurrent},
    {"445103", "潮安区", kCurrent},
    {"445122", "饶平县", kCurrent},
    {"445200", "揭阳市", kCurrent},
    {"445202", "榕城区", kCurrent},
    {"445203", "揭东区", kCurrent},
    {"445222", "揭西县", kCurrent},
    {"445224", "惠来县", kCurrent},
    {"445281", "普宁市", kCurrent},
    {"445300", "云浮市", kCurrent},
    {"445302", "云城区", kCurrent},
    {"445303", "云安区", kCurrent},
    {"445321", "新兴县", kCurrent},
    {"445322", "郁南县", kCurrent},
    {"445381", "罗定市", kCurrent},
    {"450000", "广西壮族自治区", kCurrent},
    {"460000", "海南省", kCurrent},
    {"500000", "重庆市", kCurrent},
    {"510000", "四川省", kCurrent},
    {"520000", "贵州省", kCurrent},
    {"530000", "云南省", kCurrent},
    {"540000", "西藏自治区", kCurrent},
    {"610000", "陕西省", kCurrent},
    {"620000", "甘肃省", kCurrent},
    {"630000", "青海省", kCurrent},
    {"640000", "宁夏回族自治区", kCurrent},
    {"650000", "新疆维吾尔自治区", kCurrent},
    {"710000", "台湾省", kCurrent},
    {"810000", "香港特别行政区", kCurrent},
    {"820000", "澳门特别行政区", kCurrent},
};

constexpr bool table_is_sorted() {
  for (std::size_t i = 1; i < std::size(kTable); ++i) {
    if (!(kTable[i - 1].code < kTable[i].code)) return false;
  }
  return true;
}
static_assert(table_is_sorted(), "kTable must be sorted by code, without duplicates");

bool is_six_digits(std::string_view code) {
  return code.size() == 6 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const Entry* lookup(std::string_view code) {
  const auto it = std::lower_bound(std::begin(kTable), std::end(kTable), code,
                                   [](const Entry& e, std::string_view c) { return e.code < c; });
  if (it == std::end(kTable) || it->code != code) return nullptr;
  return &*it;
}

std::string province_of(std::string_view code) { return std::string(code.substr(0, 2)) + "0000"; }
std::string prefecture_of(std::string_view code) { return std::string(code.substr(0, 4)) + "00"; }

}  // namespace

std::optional<DivisionInfo> find_division(std::string_view code) {
  const Entry* e = lookup(code);
  if (!e) return std::nullopt;
  return DivisionInfo{e->code, e->name, e->historic};
}

std::optional<std::string_view> division_name(std::string_view code) {
  const Entry* e = lookup(code);
  if (!e) return std::nullopt;
  return e->name;
}

bool is_structurally_valid_division(std::string_view code) {
  return is_six_digits(code) && lookup(province_of(code)) != nullptr;
}

bool is_historic_division(std::string_view code) {
  const Entry* e = lookup(code);
  return e && e->historic;
}

std::optional<DivisionLevel> division_level(std::string_view code) {
  if (!is_structurally_valid_division(code)) return std::nullopt;
  if (code.substr(2) == "0000") return DivisionLevel::province;
  if (code.substr(4) == "00") return DivisionLevel::prefecture;
  return DivisionLevel::county;
}

std::optional<std::string> parent_division(std::string_view code) {
  const auto level = division_level(code);
  if (!level || *level == DivisionLevel::province) return std::nullopt;
  if (*level == DivisionLevel::county) {
    std::string prefecture = prefecture_of(code);
    if (lookup(prefecture)) return prefecture;
  }
  return province_of(code);
}

std::optional<std::string> division_full_name(std::string_view code) {
  const auto level = division_level(code);
  if (!level) return std::nullopt;
  std::string out(lookup(province_of(code))->name);
  if (*level != DivisionLevel::province) {
    const std::string prefecture = prefecture_of(code);
    if (const Entry* p = lookup(prefecture)) out += p->name;
    if (*level == DivisionLevel::county) {
      if (const Entry* c = lookup(code)) out += c->name;
    }
  }
  return out;
}

bool division_contains(std::string_view ancestor, std::string_view code) {
  const auto outer = division_level(ancestor);
  if (!outer || !is_structurally_valid_division(code)) return false;
  switch (*outer) {
    case DivisionLevel::province:
      return ancestor.substr(0, 2) == code.substr(0, 2);
    case DivisionLevel::prefecture:
      return ancestor.substr(0, 4) == code.substr(0, 4);
    case DivisionLevel::county:
      return ancestor == code;
  }
  return false;
}

std::vector<std::string> child_divisions(std::string_view code, bool include_historic) {
  std::vector<std::string> out;
  const bool root = code.empty();
  if (!root && !is_structurally_valid_division(code)) return out;
  for (const Entry& e : kTable) {
    if (e.historic && !include_historic) continue;
    if (root) {
      if (e.code.substr(2) == "0000") out.emplace_back(e.code);
      continue;
    }
    const auto parent = parent_division(e.code);
    if (parent && *parent == code) out.emplace_back(e.code);
  }
  return out;
}

}  // namespace haoban::ids
