/*
 * escape.h: the escaping rules XSLT 1.0 does badly, written once in C.  xform.c
 * registers them as XSLT extension functions, except esc_info_line, which
 * out_info.c calls on each line it has finished; the unit tests call them
 * directly.  Each appends to a buf and never fails.
 */
#ifndef ESCAPE_H
#define ESCAPE_H

#include <stddef.h>

struct buf;

void	esc_roff_text(struct buf *, const char *);
void	esc_roff_line(struct buf *, const char *);
void	esc_roff_code(struct buf *, const char *);
void	esc_roff_pre(struct buf *, const char *);
void	esc_roff_url(struct buf *, const char *);
void	esc_info_node(struct buf *, const char *);
void	esc_info_entry(struct buf *, const char *);
void	esc_info_text(struct buf *, const char *);
void	esc_info_pre(struct buf *, const char *);
void	esc_info_line(struct buf *, const char *, size_t);
void	esc_url(struct buf *, const char *);
void	esc_xml(struct buf *, const char *);
/*
 * In place, for text a terminal shows (the reader's data): DEL and the C1
 * controls (U+0080 to U+009F, which XML allows; U+009B is CSI) become '?',
 * and so would a C0 control.  Returns s.
 */
char	*esc_tty(char *s);

#endif
