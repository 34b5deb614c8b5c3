# app.py -- a small Flask + Flask-Login + Flask-SQLAlchemy login app that shares authgate's users.db.
"""The Flask side of the users.db compatibility test and of bench/http's Flask comparison.

The database is AUTHGATE_FLASK_DATABASE (a file path) or SQLALCHEMY_DATABASE_URI (a URI), else
users.db in the working directory. gunicorn serves it as `app:app`; run directly it serves with
werkzeug's development server:

  python3 app.py [--database FILE] [--host ADDR] [--port N]
"""
import argparse
import os

from flask import Flask, flash, redirect, render_template, request, url_for
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user, logout_user
from flask_sqlalchemy import SQLAlchemy
from werkzeug.security import check_password_hash, generate_password_hash


def database_uri():
    path = os.environ.get("AUTHGATE_FLASK_DATABASE")
    if path:
        return "sqlite:///" + os.path.abspath(path)
    return os.environ.get("SQLALCHEMY_DATABASE_URI", "sqlite:///" + os.path.abspath("users.db"))


app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("FLASK_SECRET_KEY", "authgate-flask-test-key")
app.config["SQLALCHEMY_DATABASE_URI"] = database_uri()
app.config["SQLALCHEMY_TRACK_MODIFICATIONS"] = False
db = SQLAlchemy(app)
login_manager = LoginManager(app)
login_manager.login_view = "login"
login_manager.login_message = "Please log in to access this page."
login_manager.login_message_category = "info"


class User(UserMixin, db.Model):
    __tablename__ = "user"
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True, nullable=False)
    username = db.Column(db.String(80), unique=True, nullable=False)
    password_hash = db.Column(db.String(256), nullable=False)

    def set_password(self, password):
        self.password_hash = generate_password_hash(password)

    def check_password(self, password):
        return check_password_hash(self.password_hash, password)


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


@app.route("/")
def index():
    return redirect(url_for("dashboard" if current_user.is_authenticated else "login"))


@app.route("/register", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("dashboard"))
    if request.method == "POST":
        email = request.form.get("email", "")
        username = request.form.get("username", "")
        password = request.form.get("password", "")
        if not email or not username or not password:
            flash("Email, username and password are required", "error")
            return redirect(url_for("register"))
        if User.query.filter_by(email=email).first():
            flash("Email already registered", "error")
            return redirect(url_for("register"))
        if User.query.filter_by(username=username).first():
            flash("Username already taken", "error")
            return redirect(url_for("register"))
        user = User(email=email, username=username)
        user.set_password(password)
        db.session.add(user)
        db.session.commit()
        flash("Registration successful! Please log in.", "success")
        return redirect(url_for("login"))
    return render_template("register.html")


@app.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("dashboard"))
    if request.method == "POST":
        user = User.query.filter_by(email=request.form.get("email", "")).first()
        if user is None or not user.check_password(request.form.get("password", "")):
            flash("Invalid email or password", "error")
            return redirect(url_for("login"))
        login_user(user, remember=bool(request.form.get("remember")))
        return redirect(url_for("dashboard"))
    return render_template("login.html")


@app.route("/logout")
@login_required
def logout():
    logout_user()
    flash("You have been logged out.", "info")
    return redirect(url_for("login"))


@app.route("/dashboard")
@login_required
def dashboard():
    return render_template("dashboard.html", user=current_user)


with app.app_context():
    db.create_all()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="the Flask login app on werkzeug's development server")
    parser.add_argument("--database", help="the users.db file (default: AUTHGATE_FLASK_DATABASE or ./users.db)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    arguments = parser.parse_args()
    if arguments.database:
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + os.path.abspath(arguments.database)
        with app.app_context():
            db.create_all()
    app.run(host=arguments.host, port=arguments.port, threaded=True)
