/*
 * platform_net.h - the socket and resolver headers of each platform the addon is built for, and the few choices
 * that differ between them (which calls CPython's socket module makes there).
 *
 * Linux (glibc, musl): gethostbyname2_r / gethostbyaddr_r, like CPython's HAVE_GETHOSTBYNAME_R_6_ARG build.
 * macOS: no _r variants; CPython calls gethostbyname / gethostbyaddr under one process-wide lock
 *        (USE_GETHOSTBYNAME_LOCK), so does netdb_nonreentrant.c.
 * Windows: Winsock (win32_socket.c starts it once); gethostbyname / gethostbyaddr without a lock, as CPython
 *        (Winsock keeps the returned hostent per thread); errors come from WSAGetLastError().
 *
 * Every .c file defines its feature macros (_GNU_SOURCE, _DARWIN_C_SOURCE) before including this.
 */
#ifndef NETLENS_PLATFORM_NET_H
#define NETLENS_PLATFORM_NET_H

#ifdef _WIN32
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN 1
#endif
#if !defined(_WIN32_WINNT) || _WIN32_WINNT < 0x0600
#undef _WIN32_WINNT
#define _WIN32_WINNT 0x0600 /* inet_pton / inet_ntop are Vista's */
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#else
#include <arpa/inet.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>
#endif

#include <stddef.h>

/* gethostbyname2_r / gethostbyaddr_r exist (with the glibc signature) in glibc and in the other Linux C libraries
 * (musl, bionic); macOS, the BSDs and Windows do not have them. */
#ifndef NETLENS_HAVE_GETHOSTBY_R /* -DNETLENS_HAVE_GETHOSTBY_R=0 builds (and tests) the macOS path on Linux */
#if defined(__linux__)
#define NETLENS_HAVE_GETHOSTBY_R 1
#else
#define NETLENS_HAVE_GETHOSTBY_R 0
#endif
#endif

#ifndef NI_MAXHOST
#define NI_MAXHOST 1025
#endif
#ifndef NI_MAXSERV
#define NI_MAXSERV 32
#endif
#ifndef INET6_ADDRSTRLEN
#define INET6_ADDRSTRLEN 46
#endif

/* The h_errno-style code of the gethostby* call that just failed on this thread. Winsock's h_errno is itself
 * WSAGetLastError() (winsock2.h), which is what CPython reads there. */
#ifdef _WIN32
#define NETLENS_LAST_H_ERROR() WSAGetLastError()
#else
#define NETLENS_LAST_H_ERROR() h_errno
#endif

#if !NETLENS_HAVE_GETHOSTBY_R
/*
 * gethostbyname (family AF_INET, CPython's gethostbyname_ex), gethostbyname2 (other families; macOS only) or
 * gethostbyaddr (address != NULL) made as CPython makes them where there is no _r variant (netdb_nonreentrant.c).
 * On success returns 1 and fills *out with a deep copy of the answer whose storage is one malloc'ed block
 * (*storage, to free). Returns 0 with *h_err (the failed call's h_errno / WSAGetLastError) and *err_no (errno)
 * when the call found nothing, and -1 with *err_no set when copying ran out of memory or the family is one the
 * platform's call cannot ask (ENOSYS).
 */
int netlens_gethostby(const char *name, int family, const void *address, int address_length, struct hostent *out,
                      char **storage, int *h_err, int *err_no);
#endif

#ifdef _WIN32
/* win32_socket.c */

/* WSAStartup(2.2), once per process (every later call returns the first result): 0 or the Winsock error. */
int netlens_winsock_start(void);

/* The system's own text (FormatMessageW, the user's language, as UTF-8 without the trailing newline) of a
 * Windows / Winsock error code; "Unknown error <code>" when the system has none. */
void netlens_win32_error_text(unsigned long code, char *buffer, size_t size);

/* CPython's socket.gethostname() on Windows: GetComputerNameExW(ComputerNamePhysicalDnsHostname), as UTF-8.
 * Returns 0, or the GetLastError() code. */
unsigned long netlens_win32_gethostname(char *buffer, size_t size);

/* if_nametoindex / if_indextoname of iphlpapi.dll (loaded from System32 at the first call, so that the addon
 * links no library beyond ws2_32). Return 0 / NULL when there is no such interface; *missing is set to 1 when
 * iphlpapi.dll or the function could not be loaded. */
unsigned long netlens_win32_if_nametoindex(const char *name, int *missing);
char *netlens_win32_if_indextoname(unsigned long index, char *name, int *missing);

#define NETLENS_IF_NAMESIZE 256 /* Windows' IF_MAX_STRING_SIZE + 1 */
#else
#define NETLENS_IF_NAMESIZE IF_NAMESIZE
#endif

#endif
