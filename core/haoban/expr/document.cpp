#include "haoban/expr/document.h"

#include <algorithm>
#include <string>
#include <utility>

namespace haoban::expr {

std::unique_ptr<Document> Document::make(json data, int max_depth, Error* error) {
  std::unique_ptr<Document> doc(new Document(std::move(data)));
  if (!doc->build(max_depth, error)) return nullptr;
  return doc;
}

// Two iterative passes (the data may be deep; no recursion here): the first checks the depth
// and counts entries and elements, so that the second can reserve both vectors once and hand
// out pointers into them that stay valid.
bool Document::build(int max_depth, Error* error) {
  size_t entry_count = 0, item_count = 0, object_count = 0;
  std::vector<std::pair<const json*, int>> stack{{&data_, 1}};
  while (!stack.empty()) {
    const auto [j, depth] = stack.back();
    stack.pop_back();
    if (!j->is_object() && !j->is_array()) continue;
    if (depth > max_depth) {
      if (error) {
        *error = Error{error_type::kNestingTooDeep,
                       "the data is nested deeper than " + std::to_string(max_depth) + " levels",
                       {},
                       nullptr};
      }
      return false;
    }
    if (j->is_object()) {
      ++object_count;
      entry_count += j->size();
    } else {
      item_count += j->size();
    }
    for (const auto& child : *j) {
      if (child.is_object() || child.is_array()) stack.emplace_back(&child, depth + 1);
    }
  }
  objects_.reserve(object_count);
  entries_.reserve(entry_count);
  items_.reserve(item_count);

  // A container gets its index (object) or its contiguous elements (array) when it is first
  // seen, so its Value is final at once; its children are filled in when it is popped.
  std::vector<const json*> pending;
  auto make_value = [&](const json& j) -> Value {
    if (j.is_object()) {
      Value v = Value::view(j);
      objects_.push_back(
          Object{&j, static_cast<uint32_t>(entries_.size()), static_cast<uint32_t>(j.size())});
      entries_.resize(entries_.size() + j.size());
      v.count = static_cast<uint32_t>(objects_.size());  // index + 1; 0 means not indexed
      pending.push_back(&j);
      return v;
    }
    if (j.is_array()) {
      const size_t first = items_.size();
      items_.resize(first + j.size());
      pending.push_back(&j);
      return Value::array(items_.data() + first, j.size());
    }
    return Value::view(j);
  };
  root_ = make_value(data_);
  // Containers are filled in the order they were given space, which is the pending order.
  size_t next_object = 0;
  size_t next_item = 0;
  for (size_t p = 0; p < pending.size(); ++p) {
    const json& j = *pending[p];
    if (j.is_object()) {
      const Object& o = objects_[next_object++];
      uint32_t k = o.first;
      for (auto it = j.begin(); it != j.end(); ++it, ++k) {
        entries_[k] = Entry{key_hash(it.key()), &it.key(), make_value(*it)};
      }
      std::sort(entries_.begin() + o.first, entries_.begin() + o.first + o.count,
                [](const Entry& a, const Entry& b) { return a.hash < b.hash; });
    } else {
      Value* items = items_.data() + next_item;
      next_item += j.size();
      for (size_t i = 0; i < j.size(); ++i) items[i] = make_value(j[i]);
    }
  }
  return true;
}

Document::Lookup Document::find(const Value& object, const PathStep& step, Value& out) const {
  if (object.count == 0 || object.count > objects_.size()) return Lookup::NotIndexed;
  const Object& o = objects_[object.count - 1];
  if (o.source != object.ref) return Lookup::NotIndexed;
  const Entry* e = entries_.data() + o.first;
  const Entry* const end = e + o.count;
  // Small objects (most in a form or an applicant): a forward scan over the sorted hashes;
  // larger ones: a binary search.
  if (o.count > 16) {
    e = std::lower_bound(e, end, step.hash, [](const Entry& a, uint64_t h) { return a.hash < h; });
  } else {
    while (e != end && e->hash < step.hash) ++e;
  }
  for (; e != end && e->hash == step.hash; ++e) {
    if (*e->key == step.key) {  // the hash only narrows: the key itself decides
      out = e->value;
      return Lookup::Found;
    }
  }
  return Lookup::Absent;
}

}  // namespace haoban::expr
