/*
 * msg.h: every diagnostic httperror prints goes through here, in one format:
 *
 *	httperror: FILE:LINE:COL: LEVEL: message
 *
 * LINE and COL are left out when unknown.  The exit status is the worst level seen:
 * 0 ok, 1 invalid input, 2 bad invocation, 3 system error.  libxml2 and libxslt
 * errors are caught by handlers installed with msg_hook_libs() and re-formatted.
 */
#ifndef MSG_H
#define MSG_H

#include <stddef.h>

enum msg_level {
	MSG_WARNING,	/* printed, exit status unchanged */
	MSG_ERROR,	/* invalid input: exit 1 */
	MSG_USAGE,	/* bad invocation: exit 2 */
	MSG_SYSERR	/* system error (I/O, memory, library failure): exit 3 */
};

void	 msg(enum msg_level, const char *file, long line, long col,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void	 msg_errno(const char *file, const char *what);
int	 msg_exit_status(void);
void	 msg_raise(int status);
size_t	 msg_error_count(void);
void	 msg_reset(void);
void	 msg_set_prog(const char *);
void	 msg_hook_libs(void);
void	 msg_flush(const char *file);
void	 msg_fatal_oom(size_t) __attribute__((noreturn));

/*
 * While set, a line number libxml2 reports is first passed through this map,
 * which may replace the file and line (see reg_validate()).
 */
typedef int	(*msg_linemap)(void *arg, long line, const char **file,
		    long *origline);
void	 msg_set_linemap(msg_linemap, void *arg);
/* Where a node that a library error names came from (file and line). */
typedef int	(*msg_nodemap)(void *arg, const void *node, const char **file,
		    long *line);
void	 msg_set_nodemap(msg_nodemap, void *arg);

#endif
