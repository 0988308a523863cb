# node-gyp build of the native resolver backend (see src/helper/nativeResolver.ts for its contract).
# Run through `npm install` (scripts/build-native.js), which never fails the install if this does not build.
{
  "targets": [
    {
      "target_name": "netlens_resolver",
      "sources": ["native/netlens_resolver.c", "native/nss_module_call.c", "native/netdb_nonreentrant.c",
                  "native/win32_socket.c", "native/napi_win32.c"],
      "defines": ["NAPI_VERSION=8"],
      "cflags": ["-std=gnu11", "-Wall", "-Wextra", "-fvisibility=hidden"],
      "configurations": {
        # node's common.gypi asks for -O3 in Release; -O2 is plenty for a thin syscall wrapper.
        "Release": { "cflags!": ["-O3"], "cflags": ["-O2"] }
      },
      "conditions": [
        ["OS=='win'", {
          # The Windows addon is cross-built with zig and links no node.lib: native/napi_win32.c defines the
          # __imp_napi_* slots itself (node.lib would define them a second time) and fills them at run time.
          "type": "none",
          "sources!": ["native/netlens_resolver.c", "native/nss_module_call.c", "native/netdb_nonreentrant.c",
                       "native/win32_socket.c", "native/napi_win32.c"]
        }],
        ["OS=='mac'", {
          "xcode_settings": {
            "GCC_C_LANGUAGE_STANDARD": "gnu11",
            "OTHER_CFLAGS": ["-Wall", "-Wextra", "-O2"],
            "MACOSX_DEPLOYMENT_TARGET": "10.15"
          }
        }]
      ]
    }
  ]
}
