#ifndef VIGIL_CMICROHTTPD_SHIM_H
#define VIGIL_CMICROHTTPD_SHIM_H

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <poll.h>
#include <sys/socket.h>
#include <microhttpd.h>

// libmicrohttpd's MHD_start_daemon, MHD_get_daemon_info and
// MHD_get_connection_info are variadic, which Swift cannot call. These
// wrappers fix the argument lists Vigil uses.

/// Starts a daemon bound to `address` (a sockaddr_in, or a sockaddr_in6 when
/// `flags` has MHD_USE_IPv6). The logger comes first so that messages about
/// the start itself (a failed bind) reach it. A `thread_pool_size` below 2
/// means no pool: one internal polling thread, or one thread per connection
/// when `flags` has MHD_USE_THREAD_PER_CONNECTION. The pool option is then
/// left out, because MHD warns about a size of 0 or 1. On failure it returns
/// NULL and stores errno as it was when MHD gave up; MHD's log message is the
/// reliable account, because errno may be stale.
static inline struct MHD_Daemon *vigil_mhd_start_daemon(unsigned int flags,
                                                        const struct sockaddr *address,
                                                        unsigned int connection_limit,
                                                        unsigned int per_address_limit,
                                                        unsigned int connection_timeout_seconds,
                                                        unsigned int thread_pool_size,
                                                        MHD_AccessHandlerCallback access_handler,
                                                        void *access_context,
                                                        MHD_RequestCompletedCallback completed,
                                                        void *completed_context,
                                                        MHD_LogCallback logger,
                                                        void *logger_context,
                                                        int *failure_errno) {
    errno = 0;
    struct MHD_Daemon *daemon = MHD_start_daemon(flags, 0, NULL, NULL,
                                                 access_handler, access_context,
                                                 MHD_OPTION_EXTERNAL_LOGGER, logger, logger_context,
                                                 MHD_OPTION_SOCK_ADDR, address,
                                                 MHD_OPTION_CONNECTION_LIMIT, connection_limit,
                                                 /* 0 leaves connections per client address unlimited. */
                                                 MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_address_limit,
                                                 MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout_seconds,
                                                 MHD_OPTION_NOTIFY_COMPLETED, completed, completed_context,
                                                 /* MHD stops reading options at the first MHD_OPTION_END. */
                                                 thread_pool_size > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END,
                                                 thread_pool_size,
                                                 MHD_OPTION_END);
    if (daemon == NULL && failure_errno != NULL) {
        *failure_errno = errno;
    }
    return daemon;
}

/// Returns the port the daemon listens on, which is the port the system
/// picked when the daemon was bound to port 0, or 0 when MHD cannot report it.
static inline uint16_t vigil_mhd_daemon_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/// Returns the client's address of a connection, or NULL when MHD does not have it.
static inline const struct sockaddr *vigil_mhd_client_address(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}

/// Returns the socket of a connection, or -1 when MHD does not have it. MHD
/// keeps its sockets non-blocking; a caller may poll it but must not read
/// from it or write to it.
static inline int vigil_mhd_connection_fd(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info == NULL ? -1 : info->connect_fd;
}

/// Sets a connection's idle timeout in seconds, 0 for none. MHD resets the
/// connection's idle timer when the timeout changes.
static inline void vigil_mhd_set_connection_timeout(struct MHD_Connection *connection, unsigned int seconds) {
    (void) MHD_set_connection_option(connection, MHD_CONNECTION_OPTION_TIMEOUT, seconds);
}

/// Returns the poll(2) event for a peer that closed its side of the
/// connection: POLLRDHUP on Linux, which <poll.h> declares only under
/// _GNU_SOURCE (0x2000 in the kernel's asm-generic/poll.h), and 0 where it
/// does not exist, so that the caller relies on POLLHUP alone.
static inline short vigil_poll_peer_closed_event(void) {
#if defined(POLLRDHUP)
    return POLLRDHUP;
#elif defined(__linux__)
    return 0x2000;
#else
    return 0;
#endif
}

#endif
