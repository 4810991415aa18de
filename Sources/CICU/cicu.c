#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

enum { STACK_UNITS = 512 };

/// UTF-8 -> UTF-16 into `stack` or a heap buffer; returns the buffer (caller frees if != stack).
static UChar *to_utf16(const uint8_t *src, int32_t len, UChar *stack, int32_t stack_cap,
                       int32_t *out_len, UErrorCode *status) {
    u_strFromUTF8(stack, stack_cap, out_len, (const char *)src, len, status);
    if (*status == U_BUFFER_OVERFLOW_ERROR) {
        *status = U_ZERO_ERROR;
        UChar *heap = malloc(sizeof(UChar) * (size_t)(*out_len + 1));
        if (!heap) { *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
        u_strFromUTF8(heap, *out_len + 1, out_len, (const char *)src, len, status);
        return heap;
    }
    return stack;
}

static const UNormalizer2 *normalizer(cicu_op op, UErrorCode *status) {
    switch (op) {
    case CICU_NFC: return unorm2_getNFCInstance(status);
    case CICU_NFD: return unorm2_getNFDInstance(status);
    case CICU_NFKC: return unorm2_getNFKCInstance(status);
    default: return NULL;
    }
}

int32_t cicu_transform(cicu_op op, const uint8_t *src, int32_t src_len,
                       uint8_t *dst, int32_t dst_cap, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UChar in_stack[STACK_UNITS];
    int32_t in_len = 0;
    UChar *in = to_utf16(src, src_len, in_stack, STACK_UNITS, &in_len, &status);
    if (U_FAILURE(status)) { *error = (int32_t)status; if (in && in != in_stack) free(in); return -1; }

    // Worst-case expansion: NFD/NFKC and full case folding grow text by at most 18x
    // per code unit in ICU's data; 4x plus slack covers every Latin and Vietnamese case,
    // and we retry once with the exact size otherwise.
    int32_t out_cap = in_len * 4 + 16;
    UChar *out = malloc(sizeof(UChar) * (size_t)out_cap);
    if (!out) { *error = U_MEMORY_ALLOCATION_ERROR; if (in != in_stack) free(in); return -1; }
    int32_t out_len = 0;
    for (int attempt = 0; attempt < 2; attempt++) {
        status = U_ZERO_ERROR;
        switch (op) {
        case CICU_FOLD_CASE:
            out_len = u_strFoldCase(out, out_cap, in, in_len, U_FOLD_CASE_DEFAULT, &status);
            break;
        case CICU_LOWER:
            out_len = u_strToLower(out, out_cap, in, in_len, "", &status);
            break;
        default: {
            const UNormalizer2 *n = normalizer(op, &status);
            if (U_SUCCESS(status)) out_len = unorm2_normalize(n, in, in_len, out, out_cap, &status);
        }
        }
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            free(out);
            out_cap = out_len + 1;
            out = malloc(sizeof(UChar) * (size_t)out_cap);
            if (!out) { status = U_MEMORY_ALLOCATION_ERROR; break; }
            continue;
        }
        break;
    }
    if (in != in_stack) free(in);
    if (U_FAILURE(status)) { *error = (int32_t)status; free(out); return -1; }

    int32_t needed = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8((char *)dst, dst_cap, &needed, out, out_len, &status);
    free(out);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
        *error = 0;
        return needed;
    }
    if (U_FAILURE(status)) { *error = (int32_t)status; return -1; }
    *error = 0;
    return needed;
}

int32_t cicu_is_nfc(const uint8_t *src, int32_t src_len) {
    UErrorCode status = U_ZERO_ERROR;
    UChar in_stack[STACK_UNITS];
    int32_t in_len = 0;
    UChar *in = to_utf16(src, src_len, in_stack, STACK_UNITS, &in_len, &status);
    if (U_FAILURE(status)) { if (in && in != in_stack) free(in); return -1; }
    const UNormalizer2 *n = unorm2_getNFCInstance(&status);
    UBool result = U_SUCCESS(status) ? unorm2_isNormalized(n, in, in_len, &status) : 0;
    if (in != in_stack) free(in);
    if (U_FAILURE(status)) return -1;
    return result ? 1 : 0;
}

const char *cicu_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, text);
    return text;
}
