/// The sign-in form (`GET /login`), and the same form with the reason after a failed sign-in.
enum LoginPage {
    static func content(problem: String?, text: ConsoleText) -> String {
        let message = problem.map { "<p class=\"banner rejected\" id=\"login-problem\">\(text.html($0))</p>" } ?? ""
        return """
            <h1>\(text.pick("登录", "Sign in"))</h1>
            \(message)
            <form method="post" action="/login" class="login">
            <label>\(text.pick("个人令牌", "Personal token"))<input type="password" name="token" required autocomplete="current-password" autofocus></label>
            <button type="submit">\(text.pick("登录", "Sign in"))</button>
            </form>
            <p class="hint">\(text.pick("令牌由管理员用 vigil-console hash-token 登记；外包商的人员只能看到本外包商的数据。",
                                        "An administrator registers tokens with vigil-console hash-token; a vendor's people "
                                            + "see only their vendor's data."))</p>
            """
    }
}
