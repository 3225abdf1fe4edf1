// The applicant-side store for JS, by handle: the same haoban::store code as natively, on
// ":memory:" or a MEMFS/IDBFS path. JSON strings out, like every binding. Times (ms since the
// epoch) come from the host as numbers: the store reads no clock for them.
//   storeOpen(path) / storeOpenWith(path, optionsJson) → {"handle":n,"schemaVersion":v}
//       options: {"backoff":{"baseMs","maxMs","leaseMs"}} for the outbox's retries
//   storePutDraft(h,id,body) → {"ok":true}      storeGetDraft(h,id) → {"found","body"}
//   storeListDrafts(h) → {"drafts":[{id,updated,bytes}]}   storeDeleteDraft(h,id) → {"deleted"}
//   outboxEnqueue(h,key,itemId,body,nowMs) → {"created":bool,"entry":{…}}
//   outboxDue(h,nowMs,limit) / outboxPending(h) → {"entries":[…]}   outboxGet(h,key) → {"entry"}
//   outboxBeginSend(h,key,nowMs) → {"started":bool}
//   outboxMarkSent(h,key,receiptNumber,nowMs) / outboxMarkRetry(h,key,reason,nowMs) /
//   outboxMarkFailed(h,key,reason,nowMs) → {"entry":{…}}   outboxRemove(h,key) → {"removed"}
//   receiptsPut(h,receiptNumber,key,itemId,body,receivedMs) → {"ok":true}
//   receiptsList(h) → {"receipts":[…]}   receiptsGet(h,receiptNumber) → {"receipt":{…}|null}
//   catalogCachePut(h,slot,version,etag,body,nowMs) → {"ok":true}
//   catalogCacheGet(h,slot) / catalogCacheHead(h,slot) → {"catalog":{…}|null}
//   storeClose(h) → {"closed":bool}
#include <emscripten/bind.h>

#include <cmath>
#include <map>
#include <memory>
#include <string>

#include "boundary.h"
#include "haoban/store/catalog_cache.h"
#include "haoban/store/database.h"
#include "haoban/store/outbox.h"
#include "haoban/store/receipts.h"

namespace haoban::wasm {
namespace {

// A page has one or two databases open; the cap stops a leaking caller from exhausting memory.
constexpr size_t kMaxOpenStores = 16;

// Declared in this order so that the tables' statements are finalized before the connection.
struct OpenStore {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::Outbox> outbox;
  std::unique_ptr<store::Receipts> receipts;
  std::unique_ptr<store::CatalogCache> catalogs;
};

// Handles instead of embind classes: JS never has to remember .delete(), and a stale or
// forged handle is an error value, not a use-after-free.
std::map<int, OpenStore>& open_stores() {
  static std::map<int, OpenStore> stores;
  return stores;
}

OpenStore& find_store(int handle) {
  auto it = open_stores().find(handle);
  if (it == open_stores().end())
    throw BoundaryError("bad_handle", "no open store with handle " + std::to_string(handle));
  return it->second;
}

// JS numbers are doubles: a time must be a whole number of ms within the exact-integer range.
int64_t time_ms(double value, const char* what) {
  if (!std::isfinite(value) || value != std::floor(value) || std::fabs(value) > 9007199254740991.0)
    throw BoundaryError("bad_argument", std::string(what) + " must be an integer number of ms");
  return static_cast<int64_t>(value);
}

void check(bool ok, const std::string& error) {
  if (!ok) throw BoundaryError("store_error", error.empty() ? "the store refused the call" : error);
}

nlohmann::json optional_json(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

nlohmann::json entry_json(const store::OutboxEntry& e) {
  return {{"idempotencyKey", e.idempotency_key},
          {"itemId", e.item_id},
          {"body", e.body},
          {"state", e.state},
          {"attempts", e.attempts},
          {"nextAttemptMs", e.next_attempt_ms},
          {"lastError", optional_json(e.last_error)},
          {"receiptNumber", optional_json(e.receipt_number)},
          {"createdMs", e.created_ms},
          {"updatedMs", e.updated_ms}};
}

nlohmann::json entries_json(const std::vector<store::OutboxEntry>& entries) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : entries) out.push_back(entry_json(e));
  return out;
}

nlohmann::json receipt_json(const store::Receipt& r) {
  return {{"receiptNumber", r.receipt_number},
          {"idempotencyKey", r.idempotency_key},
          {"itemId", r.item_id},
          {"body", r.body},
          {"receivedMs", r.received_ms}};
}

nlohmann::json cached_json(const std::optional<store::CachedCatalog>& c) {
  if (!c) return nullptr;
  return {{"slot", c->slot},
          {"version", c->version},
          {"etag", c->etag},
          {"body", c->body},
          {"storedMs", c->stored_ms}};
}

store::BackoffPolicy backoff_from(const std::string& options_json) {
  store::BackoffPolicy policy;
  if (options_json.empty()) return policy;
  const auto options = nlohmann::json::parse(options_json, nullptr, false);
  if (!options.is_object()) throw BoundaryError("bad_options", "options must be a JSON object");
  const auto backoff = options.value("backoff", nlohmann::json::object());
  if (!backoff.is_object()) throw BoundaryError("bad_options", "options.backoff must be an object");
  const auto read = [&](const char* key, int64_t fallback) -> int64_t {
    if (!backoff.contains(key)) return fallback;
    const auto& v = backoff[key];
    if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > 86'400'000LL * 7)
      throw BoundaryError("bad_options", std::string("options.backoff.") + key +
                                             " must be an integer from 0 ms to 7 days");
    return v.get<int64_t>();
  };
  policy.base_ms = read("baseMs", policy.base_ms);
  policy.max_ms = read("maxMs", policy.max_ms);
  policy.lease_ms = read("leaseMs", policy.lease_ms);
  return policy;
}

std::string store_open_with(const std::string& path, const std::string& options_json) {
  return guarded([&] {
    static int next_handle = 1;
    if (open_stores().size() >= kMaxOpenStores) {
      throw BoundaryError("too_many_stores",
                          "at most " + std::to_string(kMaxOpenStores) + " stores may be open");
    }
    const auto policy = backoff_from(options_json);
    std::string error;
    OpenStore s;
    s.db = store::Database::open(path, &error);
    if (!s.db) throw BoundaryError("store_error", error);
    s.outbox = store::Outbox::open(*s.db, policy, &error);
    if (s.outbox) s.receipts = store::Receipts::open(*s.db, &error);
    if (s.receipts) s.catalogs = store::CatalogCache::open(*s.db, &error);
    if (!s.catalogs) throw BoundaryError("store_error", error);
    const int handle = next_handle++;
    const int version = s.db->schema_version();
    open_stores().emplace(handle, std::move(s));
    return to_json_string({{"handle", handle}, {"schemaVersion", version}});
  });
}

std::string store_open(const std::string& path) { return store_open_with(path, ""); }

std::string store_put_draft(int handle, const std::string& id, const std::string& body) {
  return guarded([&] {
    std::string error;
    check(find_store(handle).db->put_draft(id, body, &error), error);
    return to_json_string({{"ok", true}});
  });
}

std::string store_get_draft(int handle, const std::string& id) {
  return guarded([&] {
    auto body = find_store(handle).db->get_draft(id);
    return to_json_string({{"found", body.has_value()}, {"body", optional_json(body)}});
  });
}

std::string store_list_drafts(int handle) {
  return guarded([&] {
    nlohmann::json drafts = nlohmann::json::array();
    for (const auto& d : find_store(handle).db->list_drafts())
      drafts.push_back({{"id", d.id}, {"updated", d.updated}, {"bytes", d.bytes}});
    return to_json_string({{"drafts", std::move(drafts)}});
  });
}

std::string store_delete_draft(int handle, const std::string& id) {
  return guarded([&] {
    std::string error;
    const bool deleted = find_store(handle).db->delete_draft(id, &error);
    check(deleted || error.empty(), error);
    return to_json_string({{"deleted", deleted}});
  });
}

std::string outbox_enqueue(int handle, const std::string& key, const std::string& item_id,
                           const std::string& body, double now_ms) {
  return guarded([&] {
    auto outcome = find_store(handle).outbox->enqueue(key, item_id, body, time_ms(now_ms, "nowMs"));
    check(outcome.ok, outcome.error);
    return to_json_string({{"created", outcome.created}, {"entry", entry_json(outcome.entry)}});
  });
}

std::string outbox_due(int handle, double now_ms, int limit) {
  return guarded([&] {
    const size_t bounded = static_cast<size_t>(limit < 1 ? 1 : limit);
    return to_json_string({{"entries", entries_json(find_store(handle).outbox->due(
                                           time_ms(now_ms, "nowMs"), bounded))}});
  });
}

std::string outbox_pending(int handle) {
  return guarded([&] {
    return to_json_string({{"entries", entries_json(find_store(handle).outbox->pending())}});
  });
}

// The entry after a change, so the host sees the new state, attempts and next attempt time.
std::string entry_after(OpenStore& s, const std::string& key) {
  auto entry = s.outbox->find(key);
  return to_json_string({{"entry", entry ? entry_json(*entry) : nlohmann::json(nullptr)}});
}

std::string outbox_get(int handle, const std::string& key) {
  return guarded([&] { return entry_after(find_store(handle), key); });
}

std::string outbox_begin_send(int handle, const std::string& key, double now_ms) {
  return guarded([&] {
    std::string error;
    const bool started =
        find_store(handle).outbox->begin_send(key, time_ms(now_ms, "nowMs"), &error);
    check(started || error.empty(), error);
    return to_json_string({{"started", started}});
  });
}

std::string outbox_mark_sent(int handle, const std::string& key, const std::string& receipt,
                             double now_ms) {
  return guarded([&] {
    OpenStore& s = find_store(handle);
    std::string error;
    check(s.outbox->mark_sent(key, receipt, time_ms(now_ms, "nowMs"), &error), error);
    return entry_after(s, key);
  });
}

std::string outbox_mark_retry(int handle, const std::string& key, const std::string& reason,
                              double now_ms) {
  return guarded([&] {
    OpenStore& s = find_store(handle);
    std::string error;
    check(s.outbox->mark_retry(key, reason, time_ms(now_ms, "nowMs"), &error), error);
    return entry_after(s, key);
  });
}

std::string outbox_mark_failed(int handle, const std::string& key, const std::string& reason,
                               double now_ms) {
  return guarded([&] {
    OpenStore& s = find_store(handle);
    std::string error;
    check(s.outbox->mark_failed(key, reason, time_ms(now_ms, "nowMs"), &error), error);
    return entry_after(s, key);
  });
}

std::string outbox_remove(int handle, const std::string& key) {
  return guarded([&] {
    std::string error;
    const bool removed = find_store(handle).outbox->remove(key, &error);
    check(removed || error.empty(), error);
    return to_json_string({{"removed", removed}});
  });
}

std::string receipts_put(int handle, const std::string& number, const std::string& key,
                         const std::string& item_id, const std::string& body, double received_ms) {
  return guarded([&] {
    std::string error;
    check(find_store(handle).receipts->put(
              {number, key, item_id, body, time_ms(received_ms, "receivedMs")}, &error),
          error);
    return to_json_string({{"ok", true}});
  });
}

std::string receipts_list(int handle) {
  return guarded([&] {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : find_store(handle).receipts->list()) out.push_back(receipt_json(r));
    return to_json_string({{"receipts", std::move(out)}});
  });
}

std::string receipts_get(int handle, const std::string& number) {
  return guarded([&] {
    auto r = find_store(handle).receipts->find(number);
    return to_json_string({{"receipt", r ? receipt_json(*r) : nlohmann::json(nullptr)}});
  });
}

std::string catalog_cache_put(int handle, const std::string& slot, const std::string& version,
                              const std::string& etag, const std::string& body, double now_ms) {
  return guarded([&] {
    std::string error;
    check(find_store(handle).catalogs->put({slot, version, etag, body, time_ms(now_ms, "nowMs")},
                                           &error),
          error);
    return to_json_string({{"ok", true}});
  });
}

std::string catalog_cache_get(int handle, const std::string& slot) {
  return guarded([&] {
    return to_json_string({{"catalog", cached_json(find_store(handle).catalogs->get(slot))}});
  });
}

std::string catalog_cache_head(int handle, const std::string& slot) {
  return guarded([&] {
    return to_json_string({{"catalog", cached_json(find_store(handle).catalogs->head(slot))}});
  });
}

std::string store_close(int handle) {
  return guarded([&] { return to_json_string({{"closed", open_stores().erase(handle) == 1}}); });
}

}  // namespace
}  // namespace haoban::wasm

EMSCRIPTEN_BINDINGS(haoban_store) {
  using namespace haoban::wasm;
  emscripten::function("storeOpen", &store_open);
  emscripten::function("storeOpenWith", &store_open_with);
  emscripten::function("storePutDraft", &store_put_draft);
  emscripten::function("storeGetDraft", &store_get_draft);
  emscripten::function("storeListDrafts", &store_list_drafts);
  emscripten::function("storeDeleteDraft", &store_delete_draft);
  emscripten::function("outboxEnqueue", &outbox_enqueue);
  emscripten::function("outboxDue", &outbox_due);
  emscripten::function("outboxPending", &outbox_pending);
  emscripten::function("outboxGet", &outbox_get);
  emscripten::function("outboxBeginSend", &outbox_begin_send);
  emscripten::function("outboxMarkSent", &outbox_mark_sent);
  emscripten::function("outboxMarkRetry", &outbox_mark_retry);
  emscripten::function("outboxMarkFailed", &outbox_mark_failed);
  emscripten::function("outboxRemove", &outbox_remove);
  emscripten::function("receiptsPut", &receipts_put);
  emscripten::function("receiptsList", &receipts_list);
  emscripten::function("receiptsGet", &receipts_get);
  emscripten::function("catalogCachePut", &catalog_cache_put);
  emscripten::function("catalogCacheGet", &catalog_cache_get);
  emscripten::function("catalogCacheHead", &catalog_cache_head);
  emscripten::function("storeClose", &store_close);
}
