/*
 * reader.h: the reader's commands (reader.c): `httperror CODE`, `show CODE`,
 * `list [CLASS|MASK]`, from the data out_data.c compiled.
 */
#ifndef READER_H
#define READER_H

/* Whether argv[1] is one of the reader's: show, list, a code or a class. */
int	reader_is_command(const char *);
/* argv[1] is that command; returns the exit status. */
int	reader_main(int argc, char *argv[]);

/*
 * The reader's data, opened read-only: --data FILE (opt, or NULL),
 * $HTTPERROR_DATA, PREFIX/share/httperror/httperror.db, build/data/ in the
 * source tree (*source_tree set).  0, or -1 after saying why (exit 3); the
 * caller closes *dbp (sqlite3_close) and frees *pathp either way.
 */
struct sqlite3;
int	reader_data_open(const char *opt, struct sqlite3 **dbp, char **pathp,
	    int *source_tree);

/*
 * For explain.c, which prints the way the card does: the state of one
 * command and reader.c's layout and JSON helpers.
 */
struct sqlite3_stmt;
struct json_t;
#include <stddef.h>

struct rd {
	struct sqlite3	*db;
	char		*path;		/* of the data */
	int		 width;
	int		 height;	/* the card's lines at most */
	int		 color;
	int		 source_tree;	/* the data is build/data/ */
	int		 json;		/* --json: one JSON object on stdout */
};

enum style { S_NONE, S_BOLD, S_DIM, S_CLASS };

struct sqlite3_stmt *rd_prepare(struct rd *, const char *);
const char	*col(struct sqlite3_stmt *, int);
void		 rd_on(const struct rd *, enum style, const char *);
void		 rd_off(const struct rd *, enum style);
int		 rd_wrap_max(const struct rd *, const char *, size_t, size_t, int,
		    int);
int		 rd_wrap(const struct rd *, const char *, size_t, size_t);
int		 rd_field(const struct rd *, const char *, const char *, size_t);
char		*rd_sentence(const char *);
struct json_t	*rd_jstr(const char *);
struct json_t	*rd_json_new(const char *);
void		 rd_json_put(struct json_t *);

/* explain.c: `httperror explain [TEXT...]`; the exit status. */
int	explain_main(struct rd *, const char *text);

#endif
