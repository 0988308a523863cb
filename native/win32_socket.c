/*
 * win32_socket.c - what Windows needs besides the Winsock calls themselves (declarations in platform_net.h):
 * starting Winsock once, the system's text of an error code, and gethostname / if_nametoindex /
 * if_indextoname as CPython's socket module does them on Windows. Compiles to nothing elsewhere.
 */
#ifdef _WIN32

#include "platform_net.h"

#include <stdio.h>
#include <string.h>

/* ---- WSAStartup, once ------------------------------------------------------------------------ */

static INIT_ONCE winsock_once = INIT_ONCE_STATIC_INIT;
static int winsock_error;

static BOOL CALLBACK start_winsock(PINIT_ONCE once, PVOID parameter, PVOID *context) {
  (void)once;
  (void)parameter;
  (void)context;
  WSADATA data;
  /* Never paired with WSACleanup: other addons and Node itself share the process's Winsock. */
  winsock_error = WSAStartup(MAKEWORD(2, 2), &data);
  return TRUE;
}

int netlens_winsock_start(void) {
  InitOnceExecuteOnce(&winsock_once, start_winsock, NULL, NULL);
  return winsock_error;
}

/* ---- error texts ------------------------------------------------------------------------------- */

void netlens_win32_error_text(unsigned long code, char *buffer, size_t size) {
  WCHAR wide[512];
  DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, (DWORD)code, 0, wide,
                           (DWORD)(sizeof wide / sizeof wide[0]), NULL);
  /* Messages end in ".\r\n" (some in ". \r\n"); Python strips the same. */
  while (n > 0 && (wide[n - 1] == L'\r' || wide[n - 1] == L'\n' || wide[n - 1] == L' ')) n--;
  int written = n == 0 ? 0 : WideCharToMultiByte(CP_UTF8, 0, wide, (int)n, buffer, (int)size - 1, NULL, NULL);
  if (written <= 0) {
    snprintf(buffer, size, "Unknown error %lu", code);
    return;
  }
  buffer[written] = '\0';
}

/* ---- gethostname ------------------------------------------------------------------------------ */

unsigned long netlens_win32_gethostname(char *buffer, size_t size) {
  /* CPython does not use Winsock's gethostname (the ANSI code page's form of the name): it asks for the
   * physical DNS host name in UTF-16. MAX_COMPUTERNAME_LENGTH is NetBIOS's bound; a DNS host label is up to
   * 63 characters, and CPython retries with the size the system asks for, which 256 always covers. */
  WCHAR wide[256];
  DWORD length = (DWORD)(sizeof wide / sizeof wide[0]);
  if (!GetComputerNameExW(ComputerNamePhysicalDnsHostname, wide, &length)) return GetLastError();
  int written = length == 0 ? 0 : WideCharToMultiByte(CP_UTF8, 0, wide, (int)length, buffer, (int)size - 1, NULL, NULL);
  if (length != 0 && written <= 0) return GetLastError();
  buffer[written] = '\0';
  return 0;
}

/* ---- if_nametoindex / if_indextoname --------------------------------------------------------------- */

typedef ULONG(WINAPI *if_nametoindex_fn)(PCSTR);
typedef PCHAR(WINAPI *if_indextoname_fn)(ULONG, PCHAR);

static INIT_ONCE iphlpapi_once = INIT_ONCE_STATIC_INIT;
static if_nametoindex_fn nametoindex;
static if_indextoname_fn indextoname;

static BOOL CALLBACK load_iphlpapi(PINIT_ONCE once, PVOID parameter, PVOID *context) {
  (void)once;
  (void)parameter;
  (void)context;
  /* System32 only, never the current directory or PATH. Never unloaded. */
  HMODULE module = LoadLibraryExW(L"iphlpapi.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
  if (module != NULL) {
    nametoindex = (if_nametoindex_fn)(void (*)(void))GetProcAddress(module, "if_nametoindex");
    indextoname = (if_indextoname_fn)(void (*)(void))GetProcAddress(module, "if_indextoname");
  }
  return TRUE;
}

unsigned long netlens_win32_if_nametoindex(const char *name, int *missing) {
  InitOnceExecuteOnce(&iphlpapi_once, load_iphlpapi, NULL, NULL);
  *missing = nametoindex == NULL;
  return nametoindex == NULL ? 0 : nametoindex(name);
}

char *netlens_win32_if_indextoname(unsigned long index, char *name, int *missing) {
  InitOnceExecuteOnce(&iphlpapi_once, load_iphlpapi, NULL, NULL);
  *missing = indextoname == NULL;
  return indextoname == NULL ? NULL : indextoname(index, name);
}

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int netlens_win32_socket_unused;
#endif
