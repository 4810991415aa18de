#ifndef CICU_H
#define CICU_H

// Thin shim over the system ICU. This header deliberately includes no ICU header:
// Foundation on Linux carries its own renamed ICU, and importing the system headers
// into a Swift module clashes with it. Only cicu.c includes <unicode/...>.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Transformations offered by `cicu_transform`.
typedef enum {
    CICU_NFC = 0,        ///< Canonical composition.
    CICU_NFD = 1,        ///< Canonical decomposition.
    CICU_NFKC = 2,       ///< Compatibility composition.
    CICU_FOLD_CASE = 3,  ///< Full Unicode case folding (default, not Turkic).
    CICU_LOWER = 4,      ///< Lower-casing in the root locale.
} cicu_op;

/// Applies `op` to the UTF-8 text `src[0..<src_len]` and writes UTF-8 into `dst`.
///
/// Returns the number of bytes the result needs. When that exceeds `dst_cap`, nothing
/// useful is in `dst` and the caller retries with a larger buffer. Returns -1 and sets
/// `*error` to the ICU error code when the input is not valid UTF-8 or ICU fails.
int32_t cicu_transform(cicu_op op, const uint8_t *src, int32_t src_len,
                       uint8_t *dst, int32_t dst_cap, int32_t *error);

/// Returns 1 when `src` is already in NFC, 0 when it is not, -1 on invalid UTF-8.
int32_t cicu_is_nfc(const uint8_t *src, int32_t src_len);

/// The ICU version the library was built against, e.g. "72.1".
const char *cicu_version(void);

#ifdef __cplusplus
}
#endif

#endif
