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

#endif
