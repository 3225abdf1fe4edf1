// --pre-js of the mini-program flavour only (wasm/CMakeLists.txt). WeChat's iOS runtime has no
// global WebAssembly, only WXWebAssembly; the glue needs WebAssembly for its "wasm supported?"
// check and for WebAssembly.RuntimeError on abort. The loader (wasm/package/miniprogram.js)
// passes a small object with both as Module.WebAssembly, and this var shadows the global name
// inside the glue. Instantiation itself goes through Module.instantiateWasm (WXWebAssembly).
var WebAssembly = Module['WebAssembly'];
