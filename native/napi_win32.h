/*
 * napi_win32.h - binding the addon's napi_* calls to the host executable on Windows (napi_win32.c).
 */
#ifndef NETLENS_NAPI_WIN32_H
#define NETLENS_NAPI_WIN32_H

#ifdef _WIN32
/* Fills every napi_* slot from GetModuleHandle(NULL), once per process. Returns NULL when all were found, else
 * the name of the first one the host does not export (the addon must not call napi_* then, except
 * napi_throw_error when netlens_napi_win32_can_throw() says it was found). */
const char *netlens_napi_win32_bind(void);
int netlens_napi_win32_can_throw(void);
#endif

#endif
