// The catalogue column: load a catalogue (a file, or the stub's GET /api/v1/catalog, through
// callbacks the host provides), pick the test applicant, search the items (Chinese, pinyin,
// initials) and open one. Also the load report: every error with its JSON path.
#pragma once

#include "catalog_workspace.h"
#include "item_locator.h"

#include <functional>
#include <optional>
#include <string>

namespace haoban::workbench {

// How the host fetches text: a file path or URL in, the text or an error message out.
struct TextSource {
  std::function<bool(const std::string& where, std::string* text, std::string* error)> read;
  bool available() const { return static_cast<bool>(read); }
};

struct CatalogPanelState {
  std::string file_path;
  std::string stub_url = "http://127.0.0.1:8080";
  bool strict = false;
  std::string search;
  std::string status;  // the last load's outcome or I/O error
  // Set by a click on an item; the app opens it (the panel does not own the application).
  std::optional<std::string> open_requested;
};

void draw_catalog_panel(CatalogWorkspace& catalog, CatalogPanelState& panel,
                        const TextSource& files, const TextSource& stub,
                        const std::string& open_item, bool kiosk, ItemLocator& locator);

void draw_load_report(const CatalogWorkspace& catalog);

}  // namespace haoban::workbench
