#include "http/back_office.h"

namespace haoban::http {

std::shared_ptr<const LoadedCatalog> BackOffice::catalog(std::string* error) {
  if (!catalog_file) {
    if (error) *error = "no catalogue configured";
    return nullptr;
  }
  const auto snapshot = catalog_file->load(error);
  if (!snapshot) return nullptr;
  std::lock_guard lock(catalog_mutex_);
  if (catalog_ && catalog_->etag == snapshot->etag) return catalog_;
  auto loaded = std::make_shared<LoadedCatalog>(
      LoadedCatalog{snapshot->etag, nlohmann::json::parse(snapshot->body, nullptr, false, true),
                    catalog::load_catalog(snapshot->body)});
  if (!loaded->loaded.ok() || !loaded->document.is_object()) {
    if (error) {
      *error = "the catalogue does not load";
      if (!loaded->loaded.errors.empty())
        *error +=
            ": " + loaded->loaded.errors.front().path + " " + loaded->loaded.errors.front().en;
    }
    return nullptr;
  }
  catalog_ = std::move(loaded);
  return catalog_;
}

}  // namespace haoban::http
