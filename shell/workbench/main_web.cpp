// The web workbench host (Emscripten): a GLFW window on a <canvas> with a WebGL2 context,
// Dear ImGui's GLFW and OpenGL3 backends compiled from source, and the browser's local date
// for "today". Everything the user sees is drawn by ui/ (haoban_workbench_ui), as natively.
//
// Minimal on purpose (issue 10 completes it): ImGui's default font only, so Chinese labels
// do not render yet (a subset CJK font compiled in is the plan), and no IME bridge yet.
#include "ui/workbench_app.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <emscripten/emscripten.h>
#include <imgui.h>

#include <cstdio>
#include <ctime>

namespace {

struct Host {
  GLFWwindow* window = nullptr;
  haoban::workbench::WorkbenchApp app;
};

haoban::time::CivilDate local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

// One browser animation frame.
void frame(void* arg) {
  auto& host = *static_cast<Host*>(arg);
  glfwPollEvents();
  host.app.today = local_today();

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  haoban::workbench::draw_workbench(host.app);
  ImGui::Render();

  int width = 0, height = 0;
  glfwGetFramebufferSize(host.window, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(0.95f, 0.95f, 0.95f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace

int main() {
  if (!glfwInit()) {
    std::fprintf(stderr, "haoban_workbench: glfwInit failed\n");
    return 1;
  }
  // WebGL2 is OpenGL ES 3.0.
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  static Host host;  // lives for the page: the main loop outlives main()
  host.window = glfwCreateWindow(1024, 768, "haoban workbench", nullptr, nullptr);
  if (host.window == nullptr) {
    std::fprintf(stderr, "haoban_workbench: no WebGL2 context\n");
    return 1;
  }
  glfwMakeContextCurrent(host.window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.Fonts->AddFontDefault();
  ImGui::StyleColorsLight();
  ImGui_ImplGlfw_InitForOpenGL(host.window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  host.app.today = local_today();
  emscripten_set_main_loop_arg(frame, &host, 0, false);
  return 0;
}
