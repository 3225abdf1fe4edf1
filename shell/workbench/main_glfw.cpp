// The native workbench host: a GLFW window with an OpenGL 3 context, Dear ImGui's GLFW and
// OpenGL3 backends (shipped inside Debian's libimgui), the CJK font, files, the stub over
// HTTP (cpp-httplib), and the system clock for "today" and the kiosk's idle timer.
// Everything the user sees is drawn by ui/ (haoban_workbench_ui).
//
//   haoban_workbench [--catalog FILE] [--profiles FILE] [--holidays FILE] [--open ITEM]
//                    [--answers FILE]
//                    [--tab form|notice|rules|load|ids] [--page N] [--stub URL]
//                    [--kiosk [--idle-seconds S]] [--today YYYY-MM-DD] [--font FILE]
//                    [--kind KIND] [--input TEXT] [--screenshot FILE.png --frames N]
//
// --answers takes an application ({"answers":{…}, "materials":{…}}, as in tests/data/check)
// and types each answer through the form session. --screenshot renders N frames, writes the
// last one to FILE.png and exits (used under xvfb-run for screenshots and golden images;
// --today makes the picture reproducible).
#include "haoban/expr/engine.h"
#include "ui/cjk_font.h"
#include "ui/validator_kinds.h"
#include "ui/workbench_app.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <httplib.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Options {
  std::optional<haoban::time::CivilDate> today;
  std::string font = haoban::workbench::kDefaultCjkFontPath;
  std::string kind;   // preselected validator kind, e.g. "uscc"
  std::string input;  // prefilled number
  std::string screenshot;
  int frames = 3;
  std::string catalog = "data/catalog/guangzhou.json";
  std::string profiles = "data/catalog/profiles.sample.json";
  std::string holidays = "data/holidays/cn-mainland.json";
  std::string open_item;
  std::string answers;
  std::string tab;
  int page = 0;
  std::string stub = "http://127.0.0.1:8080";
  bool kiosk = false;
  double idle_seconds = 120.0;
};

void print_usage() {
  std::fprintf(
      stderr,
      "usage: haoban_workbench [--catalog FILE] [--profiles FILE] [--holidays FILE] [--open ITEM] "
      "[--answers FILE] [--tab form|notice|rules|load|ids] [--page N] [--stub URL] "
      "[--kiosk [--idle-seconds S]] [--today YYYY-MM-DD] [--font FILE] [--kind KIND] "
      "[--input TEXT] [--screenshot FILE.png --frames N]\n");
}

std::optional<Options> parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--today" && has_value) {
      options.today = haoban::time::parse_iso(argv[++i]);
      if (!options.today) {
        std::fprintf(stderr, "haoban_workbench: --today wants a real date as YYYY-MM-DD\n");
        return std::nullopt;
      }
    } else if (arg == "--font" && has_value) {
      options.font = argv[++i];
    } else if (arg == "--kind" && has_value) {
      options.kind = argv[++i];
    } else if (arg == "--input" && has_value) {
      options.input = argv[++i];
    } else if (arg == "--catalog" && has_value) {
      options.catalog = argv[++i];
    } else if (arg == "--profiles" && has_value) {
      options.profiles = argv[++i];
    } else if (arg == "--holidays" && has_value) {
      options.holidays = argv[++i];
    } else if (arg == "--open" && has_value) {
      options.open_item = argv[++i];
    } else if (arg == "--answers" && has_value) {
      options.answers = argv[++i];
    } else if (arg == "--tab" && has_value) {
      options.tab = argv[++i];
    } else if (arg == "--page" && has_value) {
      options.page = std::atoi(argv[++i]);
    } else if (arg == "--stub" && has_value) {
      options.stub = argv[++i];
    } else if (arg == "--kiosk") {
      options.kiosk = true;
    } else if (arg == "--idle-seconds" && has_value) {
      options.idle_seconds = std::atof(argv[++i]);
    } else if (arg == "--screenshot" && has_value) {
      options.screenshot = argv[++i];
    } else if (arg == "--frames" && has_value) {
      options.frames = std::atoi(argv[++i]);
      if (options.frames < 1 || options.frames > 10000) {
        std::fprintf(stderr, "haoban_workbench: --frames wants 1..10000\n");
        return std::nullopt;
      }
    } else {
      print_usage();
      return std::nullopt;
    }
  }
  return options;
}

// The host's local calendar date; the core itself never reads a clock.
haoban::time::CivilDate local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

// Files up to the catalogue loader's own bound (256 MiB).
bool read_text_file(const std::string& path, std::string* text, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open";
    return false;
  }
  std::ostringstream out;
  out << in.rdbuf();
  *text = out.str();
  if (text->size() > (size_t{256} << 20)) {
    *error = "larger than 256 MiB";
    return false;
  }
  return true;
}

// GET http://host:port/path with cpp-httplib (plain HTTP: the stub runs locally).
bool http_get(const std::string& url, std::string* text, std::string* error) {
  const std::string scheme = "http://";
  if (url.rfind(scheme, 0) != 0) {
    *error = "only http:// URLs";
    return false;
  }
  const auto slash = url.find('/', scheme.size());
  const std::string origin = url.substr(0, slash);
  const std::string path = slash == std::string::npos ? "/" : url.substr(slash);
  httplib::Client client(origin);
  client.set_connection_timeout(3);
  client.set_read_timeout(10);
  auto response = client.Get(path.c_str());
  if (!response) {
    *error = httplib::to_string(response.error());
    return false;
  }
  if (response->status != 200) {
    *error = "HTTP " + std::to_string(response->status);
    return false;
  }
  *text = std::move(response->body);
  return true;
}

// Types an application's answers into the open form, then marks its materials uploaded.
void apply_answers(haoban::workbench::WorkbenchApp& app, const std::string& text) {
  haoban::expr::Error error;
  const auto application = haoban::expr::parse_bounded_json(text, 64, size_t{16} << 20, &error);
  if (!application || !application->is_object() || !app.application.is_open()) {
    std::fprintf(stderr, "haoban_workbench: --answers needs an open item and a JSON object\n");
    return;
  }
  // Locals: iterating items() of value()'s temporary would dangle.
  const auto answers = application->value("answers", nlohmann::json::object());
  const auto materials = application->value("materials", nlohmann::json::object());
  for (const auto& [path, value] : answers.items())
    if (!app.application.set(path, value))
      std::fprintf(stderr, "haoban_workbench: %s: %s\n", path.c_str(),
                   app.application.last_error().c_str());
  for (const auto& [id, material] : materials.items())
    app.application.set_material_provided(id, material.is_object());
}

std::optional<haoban::workbench::WorkbenchTab> tab_from_name(const std::string& name) {
  using haoban::workbench::WorkbenchTab;
  if (name == "form") return WorkbenchTab::form;
  if (name == "notice") return WorkbenchTab::notice;
  if (name == "rules") return WorkbenchTab::rules;
  if (name == "load") return WorkbenchTab::load_report;
  if (name == "ids") return WorkbenchTab::ids;
  return std::nullopt;
}

// Reads the back buffer before the swap; rows come bottom-up from OpenGL.
bool write_screenshot(const std::string& path, int width, int height) {
  std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  stbi_flip_vertically_on_write(1);
  return stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4) != 0;
}

void on_glfw_error(int code, const char* description) {
  std::fprintf(stderr, "haoban_workbench: GLFW error %d: %s\n", code, description);
}

}  // namespace

int main(int argc, char** argv) {
  const auto options = parse_options(argc, argv);
  if (!options) return 2;

  haoban::workbench::WorkbenchApp app;
  app.today = options->today.value_or(local_today());
  if (!options->kind.empty()) {
    const auto kinds = haoban::workbench::validator_kinds();
    std::size_t index = 0;
    while (index < kinds.size() && kinds[index].id != options->kind) ++index;
    if (index == kinds.size()) {
      std::fprintf(stderr, "haoban_workbench: unknown --kind %s\n", options->kind.c_str());
      return 2;
    }
    app.validator.select_kind(index);
  }
  app.validator.set_input(options->input);
  app.files.read = read_text_file;
  app.stub.read = http_get;
  app.catalog_panel.file_path = options->catalog;
  app.catalog_panel.stub_url = options->stub;
  app.kiosk.enabled = options->kiosk;
  app.kiosk.idle_timeout_seconds = options->idle_seconds;

  // The catalogue given at start is loaded before the font, so that its characters are in
  // the glyph ranges.
  std::string catalog_text, io_error;
  if (!options->catalog.empty()) {
    if (read_text_file(options->catalog, &catalog_text, &io_error))
      app.catalog.load(catalog_text, options->catalog);
    else
      app.catalog_panel.status = options->catalog + ": " + io_error;
  }
  std::string holidays_text;
  if (!options->holidays.empty() &&
      (!read_text_file(options->holidays, &holidays_text, &io_error) ||
       !app.load_calendar(holidays_text)))
    std::fprintf(stderr, "haoban_workbench: %s unusable: working days count weekends only\n",
                 options->holidays.c_str());
  std::string profiles_text;
  if (!options->profiles.empty() && read_text_file(options->profiles, &profiles_text, &io_error))
    app.catalog.load_profiles(profiles_text);
  if (!options->open_item.empty() && !app.open_item(options->open_item)) {
    std::fprintf(stderr, "haoban_workbench: cannot open %s: %s\n", options->open_item.c_str(),
                 app.application.error_en.c_str());
    return 2;
  }
  if (!options->answers.empty()) {
    std::string answers_text;
    if (!read_text_file(options->answers, &answers_text, &io_error)) {
      std::fprintf(stderr, "haoban_workbench: %s: %s\n", options->answers.c_str(),
                   io_error.c_str());
      return 2;
    }
    apply_answers(app, answers_text);
  }
  app.application.current_page = options->page;
  // The identity validator lives in its own tab: preselecting it means showing it.
  if (!options->kind.empty() || !options->input.empty())
    app.select_tab = haoban::workbench::WorkbenchTab::ids;
  if (!options->tab.empty()) {
    app.select_tab = tab_from_name(options->tab);
    if (!app.select_tab) {
      print_usage();
      return 2;
    }
  }

  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  // A kiosk fills the primary monitor; the workbench is a fixed 1024×768 window, which also
  // keeps screenshots comparable with the golden image.
  GLFWmonitor* monitor = options->kiosk ? glfwGetPrimaryMonitor() : nullptr;
  const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
  GLFWwindow* window = glfwCreateWindow(
      mode != nullptr ? mode->width : 1024, mode != nullptr ? mode->height : 768,
      "好办 工作台 · haoban workbench", mode != nullptr ? monitor : nullptr, nullptr);
  if (window == nullptr) {
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is fixed; no imgui.ini next to the user's files
  haoban::workbench::CjkFontLoader font_loader;
  // Kiosk: large text for reading at arm's length on a touch screen.
  const float font_size = options->kiosk ? 30.0f : 20.0f;
  if (font_loader.load(*io.Fonts, options->font.c_str(), font_size, catalog_text.c_str()) ==
      nullptr) {
    std::fprintf(stderr, "haoban_workbench: CJK font %s not loaded; Chinese will not render\n",
                 options->font.c_str());
  }
  ImGui::StyleColorsLight();
  if (options->kiosk) haoban::workbench::apply_kiosk_style(ImGui::GetStyle());
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");

  int status = 0;
  for (int frame = 1; !glfwWindowShouldClose(window); ++frame) {
    glfwPollEvents();
    if (!options->today) app.today = local_today();  // a workbench left open past midnight
    app.now_seconds = glfwGetTime();

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    haoban::workbench::draw_workbench(app);
    ImGui::Render();

    int width = 0, height = 0;
    glfwGetFramebufferSize(window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.95f, 0.95f, 0.95f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (!options->screenshot.empty() && frame >= options->frames) {
      if (!write_screenshot(options->screenshot, width, height)) {
        std::fprintf(stderr, "haoban_workbench: cannot write %s\n", options->screenshot.c_str());
        status = 1;
      }
      break;
    }
    glfwSwapBuffers(window);
  }

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return status;
}
