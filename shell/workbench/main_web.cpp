// The web workbench host (Emscripten): a GLFW window on a <canvas> with a WebGL2 context,
// Dear ImGui's GLFW and OpenGL3 backends compiled from source, the compiled-in subset CJK
// font (web/make_font_data.py), and the browser's clock for "today" and the kiosk timer.
// Everything the user sees is drawn by ui/ (haoban_workbench_ui), exactly as natively.
//
// The page (web/shell.html) talks to it through the exported C functions below: it fetches
// the catalogue and profiles and hands them over as text, and it bridges the input method:
// 3.1.6's GLFW never sees IME composition, so a hidden <textarea> collects committed text
// (compositionend / input events) and passes it, as UTF-8, to haoban_workbench_input_utf8.
#include "font_data.h"
#include "ui/workbench_app.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <emscripten/em_asm.h>
#include <emscripten/emscripten.h>
#include <imgui.h>

#include <cstdio>
#include <ctime>
#include <string>

namespace {

struct Host {
  GLFWwindow* window = nullptr;
  haoban::workbench::WorkbenchApp app;
  ImVector<ImWchar> glyph_ranges;  // must outlive the atlas build
  std::string state;               // the last haoban_workbench_state() answer
  bool fixed_today = false;
};

Host& host() {
  static Host instance;  // lives for the page: the main loop outlives main()
  return instance;
}

haoban::time::CivilDate local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

// One browser animation frame.
void frame(void*) {
  Host& h = host();
  glfwPollEvents();
  if (!h.fixed_today) h.app.today = local_today();
  h.app.now_seconds = emscripten_get_now() / 1000.0;

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  haoban::workbench::draw_workbench(h.app);
  ImGui::Render();

  int width = 0, height = 0;
  glfwGetFramebufferSize(h.window, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(0.95f, 0.95f, 0.95f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void load_font(ImGuiIO& io, float pixel_size) {
  Host& h = host();
  ImFontGlyphRangesBuilder builder;
  builder.AddText(haoban_workbench_font_chars);
  builder.BuildRanges(&h.glyph_ranges);
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // static data: the atlas must not free it
  config.OversampleH = 1;               // CJK glyphs gain nothing from it; the atlas triples
  config.OversampleV = 1;
  void* data = const_cast<unsigned char*>(haoban_workbench_font_data);
  if (io.Fonts->AddFontFromMemoryTTF(data, static_cast<int>(haoban_workbench_font_size), pixel_size,
                                     &config, h.glyph_ranges.Data) == nullptr)
    io.Fonts->AddFontDefault();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void haoban_workbench_load_catalog(const char* text, const char* source) {
  host().app.application.close();
  host().app.catalog.load(text != nullptr ? text : "", source != nullptr ? source : "");
}

EMSCRIPTEN_KEEPALIVE int haoban_workbench_load_profiles(const char* text) {
  return host().app.catalog.load_profiles(text != nullptr ? text : "") ? 1 : 0;
}

// The official holiday calendar (data/holidays/cn-mainland.json's text), for 工作日 deadlines.
EMSCRIPTEN_KEEPALIVE int haoban_workbench_load_calendar(const char* text) {
  return host().app.load_calendar(text != nullptr ? text : "") ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int haoban_workbench_open_item(const char* id) {
  return host().app.open_item(id != nullptr ? id : "") ? 1 : 0;
}

// Committed IME text (or any typed text) from the page's hidden <textarea>.
EMSCRIPTEN_KEEPALIVE void haoban_workbench_input_utf8(const char* text) {
  if (text != nullptr) ImGui::GetIO().AddInputCharactersUTF8(text);
}

// Whether a text field has the keyboard: the page then keeps the hidden <textarea> focused,
// so that the input method opens.
EMSCRIPTEN_KEEPALIVE int haoban_workbench_wants_text() {
  return ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().WantTextInput ? 1 : 0;
}

// describe_state() as JSON text; valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* haoban_workbench_state() {
  host().state = haoban::workbench::describe_state(host().app).dump();
  return host().state.c_str();
}

// Kiosk mode and its idle timeout (the font and style are chosen once, in main()).
EMSCRIPTEN_KEEPALIVE void haoban_workbench_set_kiosk(int enabled, double idle_seconds) {
  host().app.kiosk.enabled = enabled != 0;
  if (idle_seconds > 0) host().app.kiosk.idle_timeout_seconds = idle_seconds;
}

// A fixed "today" (the page's ?today=YYYY-MM-DD, for reproducible pictures and tests).
EMSCRIPTEN_KEEPALIVE int haoban_workbench_set_today(const char* iso) {
  const auto today = haoban::time::parse_iso(iso != nullptr ? iso : "");
  if (!today) return 0;
  host().app.today = *today;
  host().fixed_today = true;
  return 1;
}

}  // extern "C"

int main() {
  if (!glfwInit()) {
    std::fprintf(stderr, "haoban_workbench: glfwInit failed\n");
    return 1;
  }
  // WebGL2 is OpenGL ES 3.0.
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  Host& h = host();
  // The page says whether this is a kiosk (Module.haobanKiosk = {idleSeconds}) before the
  // runtime starts: the canvas size, the font size and the style depend on it.
  const double kiosk_idle = EM_ASM_DOUBLE(
      { return Module.haobanKiosk ? (Number(Module.haobanKiosk.idleSeconds) || 120) : 0; });
  if (kiosk_idle > 0) haoban_workbench_set_kiosk(1, kiosk_idle);
  // A kiosk fills the browser window; the workbench is a fixed 1024×768 canvas.
  const int width = kiosk_idle > 0 ? EM_ASM_INT({ return window.innerWidth; }) : 1024;
  const int height = kiosk_idle > 0 ? EM_ASM_INT({ return window.innerHeight; }) : 768;
  h.window = glfwCreateWindow(width > 0 ? width : 1024, height > 0 ? height : 768,
                              "haoban workbench", nullptr, nullptr);
  if (h.window == nullptr) {
    std::fprintf(stderr, "haoban_workbench: no WebGL2 context\n");
    return 1;
  }
  glfwMakeContextCurrent(h.window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  load_font(io, h.app.kiosk.enabled ? 30.0f : 20.0f);
  ImGui::StyleColorsLight();
  if (h.app.kiosk.enabled) haoban::workbench::apply_kiosk_style(ImGui::GetStyle());
  ImGui_ImplGlfw_InitForOpenGL(h.window, true);
  // Text arrives only through the IME bridge: GLFW's keypress characters would type every
  // ASCII character twice (once from keypress, once from the <textarea>'s input event).
  glfwSetCharCallback(h.window, nullptr);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  if (!h.fixed_today) h.app.today = local_today();
  emscripten_set_main_loop_arg(frame, nullptr, 0, false);
  return 0;
}
