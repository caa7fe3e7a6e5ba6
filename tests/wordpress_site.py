"""A throwaway WordPress site on loopback for the real-WordPress tests: Debian's `wordpress` package,
a private MariaDB (its own datadir and socket in a temporary folder, no network, nothing system-wide)
and PHP's built-in web server. The site is installed with WordPress's own `wp_install()`; an admin
account and an application password (for the REST API) are made for the tests; everything is removed
when the block ends.

Debian's wp-config.php reads /etc/wordpress/config-<host>.php. To leave /etc alone, the site's core
folder mirrors /usr/share/wordpress with symlinks except for its own wp-config.php, and ABSPATH is
defined before WordPress loads (PHP's auto_prepend_file), so WordPress finds that wp-config.php."""
from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

WORDPRESS = Path("/usr/share/wordpress")
MARIADBD = Path("/usr/sbin/mariadbd")
REQUIRED = {"wordpress": WORDPRESS / "wp-settings.php", "mariadb-server": MARIADBD,
            "mariadb-install-db": Path(shutil.which("mariadb-install-db") or "/usr/bin/mariadb-install-db"),
            "php-cli": Path(shutil.which("php") or "/usr/bin/php")}
ADMIN = "writer"
CLASSIC_QUERY = "classic-editor"  # post-new.php?classic-editor opens that post in the Classic editor

# Test scaffolding written into the throwaway site only: the Classic editor for the posts opened
# with ?classic-editor (the flag is kept on the post, so the editor survives its save redirect).
CLASSIC_EDITOR_PLUGIN = """<?php
add_filter('use_block_editor_for_post', function ($use, $post) {
    if (isset($_GET['%(query)s']) && $post) { update_post_meta($post->ID, '_tonelint_test_classic', 1); }
    return $post && get_post_meta($post->ID, '_tonelint_test_classic', true) ? false : $use;
}, 10, 2);
""" % {"query": CLASSIC_QUERY}

WP_CONFIG = """<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:%(socket)s');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
%(salts)s
define('WP_HOME', '%(url)s');
define('WP_SITEURL', '%(url)s');
define('WP_CONTENT_DIR', '%(content)s');
define('WP_CONTENT_URL', '%(url)s/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');   /* application passwords without HTTPS */
define('WP_HTTP_BLOCK_EXTERNAL', true);   /* no internet: fail fast instead of waiting on wordpress.org */
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', false);
$table_prefix = 'wp_';
require_once ABSPATH . 'wp-settings.php';
"""

# Run once with PHP's CLI: install, activate a plugin (its admin scripts are part of a real page),
# keep the block editor's welcome guide closed and its admin bar shown, make an application password.
INSTALL = """<?php
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = parse_url('%(url)s', PHP_URL_HOST) . ':' . parse_url('%(url)s', PHP_URL_PORT);
require_once ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
$result = wp_install('tonelint test site', '%(user)s', '%(user)s@example.invalid', false, '', '%(password)s');
update_option('permalink_structure', '');
activate_plugin('akismet/akismet.php');
$user = $result['user_id'];
update_user_meta($user, $GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences', array(
    'core/edit-post' => array('welcomeGuide' => false, 'fullscreenMode' => false),
    '_modified' => gmdate('c'),
));
list($app_password) = WP_Application_Passwords::create_new_application_password($user, array('name' => 'tonelint tests'));
echo json_encode(array('user_id' => $user, 'app_password' => $app_password));
"""


class WordPressUnavailable(RuntimeError):
    """Why the real-WordPress tests cannot run here (a reason for pytest.skip)."""


def missing_packages() -> list[str]:
    missing = [name for name, path in REQUIRED.items() if not path.exists()]
    if "php-cli" not in missing and subprocess.run(
            [str(REQUIRED["php-cli"]), "-r", "exit(extension_loaded('mysqli') ? 0 : 1);"], capture_output=True).returncode:
        missing.append("php-mysql")
    return missing


@dataclass
class WordPressSite:
    url: str
    user: str
    password: str
    app_password: str

    def rest(self, route: str, method: str = "GET", body: dict | None = None, **query: str):
        """One REST call authenticated with the application password; the decoded JSON answer."""
        params = "".join(f"&{key}={value}" for key, value in query.items())
        request = urllib.request.Request(f"{self.url}/?rest_route={route}{params}", method=method,
                                         data=json.dumps(body).encode() if body is not None else None)
        credentials = base64.b64encode(f"{self.user}:{self.app_password}".encode()).decode()
        request.add_header("Authorization", "Basic " + credentials)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(ready, what: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise WordPressUnavailable(f"{what} did not start")
        time.sleep(0.2)


def _as_root() -> list[str]:
    # mariadbd refuses to run as root unless told to; any other user runs it as itself.
    return ["--user=root"] if os.geteuid() == 0 else []


@contextlib.contextmanager
def _mariadb(folder: Path):
    datadir, sock = folder / "data", folder / "mysqld.sock"
    subprocess.run([str(REQUIRED["mariadb-install-db"]), "--no-defaults", f"--datadir={datadir}", "--skip-test-db",
                    "--auth-root-authentication-method=normal", *_as_root()],
                   check=True, capture_output=True, timeout=120)
    proc = subprocess.Popen([str(MARIADBD), "--no-defaults", f"--datadir={datadir}", f"--socket={sock}",
                             "--skip-networking", f"--pid-file={folder / 'mysqld.pid'}",
                             f"--log-error={folder / 'mysqld.err'}", "--innodb-buffer-pool-size=32M",
                             "--skip-log-bin", *_as_root()], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        def answers() -> bool:
            return subprocess.run(["mariadb", "--no-defaults", f"--socket={sock}", "-uroot", "-e",
                                   "CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4"],
                                  capture_output=True).returncode == 0
        _wait(answers, "MariaDB", proc, 60)
        yield sock
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _site_files(folder: Path, url: str, sock: Path) -> tuple[Path, Path]:
    """The core folder (WordPress's files by symlink, our wp-config.php, our wp-content) and the prepend file."""
    core, content = folder / "core", folder / "wp-content"
    core.mkdir()
    for entry in WORDPRESS.iterdir():
        if entry.name not in ("wp-config.php", "wp-content"):
            (core / entry.name).symlink_to(entry)
    (core / "wp-content").symlink_to(content)
    for sub in ("themes", "plugins", "mu-plugins", "uploads"):
        (content / sub).mkdir(parents=True)
    for sub in ("themes", "plugins"):
        for entry in (WORDPRESS / "wp-content" / sub).iterdir():
            (content / sub / entry.name).symlink_to(entry)
    (content / "mu-plugins" / "tonelint-test-classic-editor.php").write_text(CLASSIC_EDITOR_PLUGIN)
    salts = "\n".join(f"define('{name}', '{secrets.token_hex(32)}');" for name in
                      ("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY",
                       "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"))
    (core / "wp-config.php").write_text(WP_CONFIG % {"socket": sock, "salts": salts, "url": url, "content": content})
    prepend = folder / "prepend.php"
    prepend.write_text(f"<?php define('ABSPATH', '{core}/');\n")
    return core, prepend


@contextlib.contextmanager
def wordpress_site(workers: int = 4):
    """A fresh WordPress with an admin account, served on loopback; removed afterwards."""
    missing = missing_packages()
    if missing:
        raise WordPressUnavailable("needs Debian's " + ", ".join(missing) + " (installed by `make test` as root)")
    folder = Path(tempfile.mkdtemp(prefix="tonelint-wp-"))
    os.chmod(folder, 0o755)
    try:
        with _mariadb(folder) as sock:
            port = _free_port()
            url = f"http://127.0.0.1:{port}"
            core, prepend = _site_files(folder, url, sock)
            password = secrets.token_urlsafe(12)
            php = [str(REQUIRED["php-cli"]), "-d", f"auto_prepend_file={prepend}", "-d", "memory_limit=256M"]
            install = folder / "install.php"
            install.write_text(INSTALL % {"url": url, "user": ADMIN, "password": password})
            done = subprocess.run([*php, str(install)], capture_output=True, text=True, timeout=120)
            if done.returncode != 0 or not done.stdout.strip().startswith("{"):
                raise WordPressUnavailable("wp_install failed: " + (done.stdout + done.stderr).strip()[-300:])
            installed = json.loads(done.stdout.strip().splitlines()[-1])
            # Its own process group: the server forks its workers, and they go with it.
            web = subprocess.Popen([*php, "-S", f"127.0.0.1:{port}", "-t", str(core)],
                                   env={**os.environ, "PHP_CLI_SERVER_WORKERS": str(workers)},
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            try:
                def answers() -> bool:
                    try:
                        urllib.request.urlopen(url + "/wp-login.php", timeout=5).close()
                        return True
                    except (OSError, urllib.error.HTTPError):
                        return False
                _wait(answers, "PHP's web server", web, 30)
                yield WordPressSite(url=url, user=ADMIN, password=password, app_password=installed["app_password"])
            finally:
                os.killpg(web.pid, signal.SIGTERM)
                web.wait(timeout=10)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
