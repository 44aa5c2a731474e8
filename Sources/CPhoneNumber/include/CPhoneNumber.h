#ifndef CALLPULSE_CPHONENUMBER_H
#define CALLPULSE_CPHONENUMBER_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif

/// Outcome of cp_phone_parse.
typedef enum {
    CP_PHONE_OK = 0,          ///< valid number; the output buffers are filled
    CP_PHONE_NOT_A_NUMBER = 1,///< libphonenumber could not parse it at all
    CP_PHONE_INVALID = 2,     ///< parsed, but not a valid number for its region
    CP_PHONE_BAD_REGION = 3   ///< the default region is unknown and the number has no +country code
} cp_phone_status;

/// Parses `input` with `default_region` (ISO 3166 alpha-2, e.g. "FI") and, when valid, writes
/// the E.164 form, the number's region code, its international form for dialing, and its national
/// form into the given buffers (each NUL-terminated, truncated to its capacity).
/// `number_type` receives libphonenumber's PhoneNumberType (0 fixed line, 1 mobile, …).
/// Thread-safe: libphonenumber's PhoneNumberUtil is a thread-safe singleton.
cp_phone_status cp_phone_parse(const char *input, const char *default_region,
                               char *e164, size_t e164_cap,
                               char *region, size_t region_cap,
                               char *international, size_t international_cap,
                               char *national, size_t national_cap,
                               int *number_type);

#ifdef __cplusplus
}
#endif
#endif
