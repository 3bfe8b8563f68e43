// A thin shim over libedit's readline compatibility layer.
// Swift 6 forbids touching mutable C globals directly (they are not concurrency-safe),
// so every global the shell needs is set or read through a static inline function here.
#ifndef KSP_CEDITLINE_SHIM_H
#define KSP_CEDITLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <locale.h>
#include <string.h>
#include <editline/readline.h>

typedef char *ksp_completion_entry_fn(const char *text, int state);
typedef char **ksp_attempted_completion_fn(const char *text, int start, int end);

static inline void ksp_set_attempted_completion(ksp_attempted_completion_fn *fn) {
    rl_attempted_completion_function = fn;
}
static inline void ksp_set_completion_append_character(int c) {
    rl_completion_append_character = c;
}
static inline void ksp_set_attempted_completion_over(int v) {
    rl_attempted_completion_over = v;
}
/* libedit keeps the pointer: the characters are copied once and never freed. */
static inline void ksp_set_word_break_characters(const char *chars) {
    char *copy = strdup(chars);
    rl_basic_word_break_characters = copy;
    rl_completer_word_break_characters = copy;
}
static inline void ksp_set_readline_name(const char *name) {
    rl_readline_name = (char *)name;
}
static inline const char *ksp_line_buffer(void) {
    return rl_line_buffer;
}
static inline int ksp_point(void) {
    return rl_point;
}
static inline void ksp_set_catch_signals(int v) {
#ifdef rl_catch_signals
    rl_catch_signals = v;
#else
    (void)v;
#endif
}
/* Redraws the prompt and the line after the shell printed a list of candidates itself. */
static inline void ksp_forced_update_display(void) {
    rl_forced_update_display();
}
static inline char **ksp_completion_matches(const char *text, ksp_completion_entry_fn *fn) {
    return rl_completion_matches(text, fn);
}
#endif
