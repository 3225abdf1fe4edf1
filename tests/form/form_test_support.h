// Shared set-up for the form-session tests: the sample catalogue (loaded once) and its
// test profiles, with "today" fixed so every result is reproducible.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "haoban/catalog/loader.h"
#include "haoban/form/session.h"

namespace haoban::form::testing {

inline std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(HAOBAN_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::shared_ptr<const catalog::Catalog> sample_catalog() {
  static const auto catalog = [] {
    auto result = catalog::load_catalog(read_source_file("data/catalog/guangzhou.json"));
    return result.catalog;
  }();
  return catalog;
}

inline json sample_profile(const std::string& id) {
  const json all = json::parse(read_source_file("data/catalog/profiles.sample.json"));
  for (const auto& p : all["profiles"])
    if (p["id"] == id) return p;
  return json();
}

inline time::CivilDate today() { return {2026, 11, 27}; }

inline std::unique_ptr<FormSession> open(const std::string& item, json profile = json(),
                                         json draft = json()) {
  SessionOptions options;
  options.profile = std::move(profile);
  options.today = today();
  options.draft = std::move(draft);
  SessionError error;
  auto session = FormSession::create(sample_catalog(), item, options, &error);
  EXPECT_NE(session, nullptr) << error.code << " " << error.en;
  return session;
}

inline const FieldState* find_state(const std::vector<FieldState>& states,
                                    const std::string& path) {
  for (const auto& s : states)
    if (s.path == path) return &s;
  return nullptr;
}

inline bool has_error(const std::vector<FieldError>& errors, const std::string& path,
                      const std::string& code) {
  for (const auto& e : errors)
    if (e.path == path && e.code == code) return true;
  return false;
}

}  // namespace haoban::form::testing
