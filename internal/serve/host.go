package serve

import (
	"net"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
)

// AllowedHosts lists the names, each with the port, that a browser may put
// in the Host header of a request to a preview asked to listen on given
// (the --addr as typed) and listening on bound: the host as typed, the
// address bound, and:
//   - on a loopback address, every loopback name: localhost, 127.0.0.1
//     and [::1];
//   - on every address (0.0.0.0, ::, or no host), those too, the machine's
//     own name and the address of each of its network interfaces.
//
// Any other name reached the preview through a name of its own that points
// at this machine: a web page elsewhere, its name pointed at 127.0.0.1
// after it loaded (DNS rebinding), would otherwise read the papers through
// the browser.
func AllowedHosts(given string, bound net.Addr) []string {
	var ip net.IP
	port := ""
	if tcp, ok := bound.(*net.TCPAddr); ok {
		ip, port = tcp.IP, strconv.Itoa(tcp.Port)
	} else if h, p, err := net.SplitHostPort(bound.String()); err == nil {
		ip, port = net.ParseIP(h), p
	}
	var names []string
	typed, _, _ := net.SplitHostPort(given)
	if typed != "" {
		names = append(names, typed)
	}
	if ip != nil {
		names = append(names, ip.String())
	}
	all := ip == nil || ip.IsUnspecified()
	if all || ip.IsLoopback() || strings.EqualFold(typed, "localhost") {
		names = append(names, "localhost", "127.0.0.1", "::1")
	}
	if all {
		if h, err := os.Hostname(); err == nil && h != "" {
			names = append(names, h)
		}
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if n, ok := a.(*net.IPNet); ok {
					names = append(names, n.IP.String())
				}
			}
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		k := hostKey(n, port)
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// hostKey spells a host and port one way, as net.JoinHostPort does:
// lower case, without a name's final dot, an IP address in its shortest
// form ("[::1]:8080").
func hostKey(host, port string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "" || port == "" {
		return ""
	}
	if ip := net.ParseIP(host); ip != nil {
		host = ip.String()
	}
	return net.JoinHostPort(host, port)
}

// requestHost is the Host header's name and port, as hostKey spells them;
// a header without a port names port 80, as a browser writes it.
func requestHost(h string) string {
	host, port, err := net.SplitHostPort(h)
	if err != nil {
		host, port = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]"), "80"
	}
	return hostKey(host, port)
}

// allowedHost says whether a request's Host header names this preview.
func (s *Server) allowedHost(h string) bool {
	k := requestHost(h)
	return k != "" && s.hosts[k]
}

// refuseHost answers a request for another name with 421 (Misdirected
// Request) and a plain message saying which names the preview answers to.
func (s *Server) refuseHost(w http.ResponseWriter, r *http.Request) {
	names := make([]string, 0, len(s.hosts))
	for n := range s.hosts {
		names = append(names, n)
	}
	sort.Strings(names)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusMisdirectedRequest)
	msg := "This boardpaper preview answers only to " + strings.Join(names, ", ") + ", not to " + strconv.Quote(r.Host) + ".\n" +
		"Open it at one of those addresses, or start boardpaper serve with --addr naming the host you use.\n"
	if len(names) == 0 {
		msg = "This boardpaper preview was started without any address to answer to.\n"
	}
	w.Write([]byte(msg))
}
