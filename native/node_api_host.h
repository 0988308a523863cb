/*
 * node_api_host.h - include this instead of <node_api.h>.
 *
 * On Windows the napi_* functions are declared __declspec(dllimport), so that each call reads the pointer
 * __imp_<function>, which napi_win32.c defines and fills from the host executable at run time: the addon has
 * no import of node.exe and loads in any host that exports Node-API (node.exe, Code.exe, VSCodium.exe, ...).
 * Elsewhere this is plain <node_api.h> (the functions are found in the host process by the dynamic linker).
 */
#ifndef NETLENS_NODE_API_HOST_H
#define NETLENS_NODE_API_HOST_H

#if defined(_WIN32) && !defined(NAPI_EXTERN)
#define NAPI_EXTERN __declspec(dllimport)
#endif

#include <node_api.h>

#endif
