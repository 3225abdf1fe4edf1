// Receipts (受理编号) on the applicant's device, as the back office returned them, so "my
// applications" works offline. One per receipt number; storing the same one again replaces it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "haoban/store/database.h"

namespace haoban::store {

struct Receipt {
  std::string receipt_number;
  std::string idempotency_key;
  std::string item_id;
  std::string body;  // the back office's response, JSON text kept verbatim
  int64_t received_ms = 0;
};

class Receipts {
 public:
  static constexpr size_t kMaxTextBytes = 256;
  static constexpr size_t kMaxBodyBytes = 1024 * 1024;
  static constexpr size_t kMaxListed = 500;

  static std::unique_ptr<Receipts> open(Database& database, std::string* error);
  ~Receipts();

  bool put(const Receipt& receipt, std::string* error);
  std::optional<Receipt> find(const std::string& receipt_number);
  // Newest first, at most kMaxListed.
  std::vector<Receipt> list();

 private:
  struct Impl;
  explicit Receipts(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace haoban::store
