// The native workbench host: a GLFW window with an OpenGL 3 context, Dear ImGui's GLFW and
// OpenGL3 backends (shipped inside Debian's libimgui), the CJK font, and the system clock
// for "today". Everything the user sees is drawn by ui/ (haoban_workbench_ui).
//
//   haoban_workbench [--today YYYY-MM-DD] [--font FILE] [--kind KIND] [--input TEXT]
//                    [--screenshot FILE.png --frames N]
//
// --screenshot renders N frames, writes the last one to FILE.png and exits (used under
// xvfb-run for screenshots and golden images; --today makes the picture reproducible).
#include "ui/cjk_font.h"
#include "ui/validator_kinds.h"
#include "ui/workbench_app.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>
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
};

void print_usage() {
  std::fprintf(stderr,
               "usage: haoban_workbench [--today YYYY-MM-DD] [--font FILE] [--kind KIND] "
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

  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWwindow* window =
      glfwCreateWindow(1024, 768, "好办 工作台 · haoban workbench", nullptr, nullptr);
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
  if (font_loader.load(*io.Fonts, options->font.c_str(), 20.0f) == nullptr) {
    std::fprintf(stderr, "haoban_workbench: CJK font %s not loaded; Chinese will not render\n",
                 options->font.c_str());
  }
  ImGui::StyleColorsLight();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");

  int status = 0;
  for (int frame = 1; !glfwWindowShouldClose(window); ++frame) {
    glfwPollEvents();
    if (!options->today) app.today = local_today();  // a workbench left open past midnight

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
