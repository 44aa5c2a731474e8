#ifndef CALLPULSE_CREADLINE_SHIM_H
#define CALLPULSE_CREADLINE_SHIM_H
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Swift 6 refuses to assign readline's mutable C globals directly ("not concurrency-safe"),
   so the console sets them through these setters. */
static inline void cp_rl_set_completion(rl_completion_func_t *fn) { rl_attempted_completion_function = fn; }
static inline void cp_rl_set_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void cp_rl_set_word_break_characters(const char *chars) { rl_basic_word_break_characters = (char *)chars; }
static inline void cp_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void cp_rl_set_catch_signals(int on) { rl_catch_signals = on; }
/* Readline keeps rl_eof_found set after a Ctrl-D, and then ends every later line with an extra
   newline (rl_deprep_terminal with bracketed paste): the console clears it before each line. */
static inline void cp_rl_clear_eof_found(void) { rl_eof_found = 0; }
static inline int cp_rl_point(void) { return rl_point; }
static inline const char *cp_rl_line_buffer(void) { return rl_line_buffer; }
#endif
