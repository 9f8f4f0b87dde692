from django.test import override_settings


def test_login_page_is_in_chinese(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert "登录" in html and "用户名" in html and "密码" in html
    assert 'lang="zh-hans"' in html


def test_every_page_needs_a_login(client, db):
    for url in (
        "/",
        "/towns/1/",
        "/pledges/",
        "/pledges/1/",
        "/reports/",
        "/reports/1/",
        "/reports/upload/",
        "/review/",
    ):
        r = client.get(url)
        assert r.status_code == 302, url
        assert r["Location"] == f"/accounts/login/?next={url}", url


def test_login_then_see_the_towns(client, deputy):
    r = client.post("/accounts/login/", {"username": "deputy", "password": "pass-deputy"})
    assert r.status_code == 302 and r["Location"] == "/"
    html = client.get("/").content.decode()
    assert "镇街承诺兑现情况" in html and "退出" in html


def test_wrong_password_is_explained_in_chinese_and_username_kept(client, deputy):
    r = client.post("/accounts/login/", {"username": "deputy", "password": "wrong"})
    html = r.content.decode()
    assert r.status_code == 200
    assert "请输入一个正确的" in html
    assert 'value="deputy"' in html


@override_settings(AXES_FAILURE_LIMIT=3)
def test_repeated_failed_logins_lock_the_account(client, deputy):
    for _ in range(3):
        client.post("/accounts/login/", {"username": "deputy", "password": "wrong"})
    r = client.post("/accounts/login/", {"username": "deputy", "password": "pass-deputy"})
    assert r.status_code == 429
    assert "登录失败次数过多" in r.content.decode()
    assert client.get("/").status_code == 302  # still not signed in


def test_logout_needs_post(client, deputy):
    client.force_login(deputy)
    assert client.get("/accounts/logout/").status_code == 405
    r = client.post("/accounts/logout/")
    assert r.status_code == 302 and r["Location"] == "/accounts/login/"
    assert client.get("/").status_code == 302


def test_password_change_errors_are_chinese_and_success_works(client, deputy):
    client.force_login(deputy)
    r = client.post(
        "/accounts/password/",
        {"old_password": "wrong", "new_password1": "Qx7!lake-view", "new_password2": "Qx7!lake-view"},
    )
    html = r.content.decode()
    assert "你的旧密码不正确" in html or "旧密码不正确" in html
    r = client.post(
        "/accounts/password/",
        {"old_password": "pass-deputy", "new_password1": "Qx7!lake-view", "new_password2": "other"},
    )
    assert "两个密码字段不一致" in r.content.decode() or "不一致" in r.content.decode()
    r = client.post(
        "/accounts/password/",
        {"old_password": "pass-deputy", "new_password1": "Qx7!lake-view", "new_password2": "Qx7!lake-view"},
    )
    assert r.status_code == 302 and r["Location"] == "/accounts/password/done/"
    assert "密码已修改" in client.get(r["Location"]).content.decode()
