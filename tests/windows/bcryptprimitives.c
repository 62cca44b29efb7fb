/* Wine 8 has no bcryptprimitives.dll; Windows 10/11 do. Programs built with Rust 1.78 or
 * newer (cryptography, python-calamine) import ProcessPrng from it, so the Windows test run
 * (scripts/test-windows) puts this stand-in into the Wine prefix. Never shipped. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
