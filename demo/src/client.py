import socket
import urllib.request

# NetLens shows what these resolve to, and which port each URL means.
# localhost: the hosts file answers on any machine. The two URLs need DNS (public names).
API = "https://api.example.com/v1/status"
MIRROR = "ftp://mirror.example.net/pub/"

print(socket.getaddrinfo("localhost", 80))
with urllib.request.urlopen(API, timeout=3) as response:
    print(response.status)
