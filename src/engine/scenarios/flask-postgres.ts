// The notes' Flask + PostgreSQL project: the app, its requirements, the Dockerfile and the annotated compose file.

import type { Scenario } from './scenario.ts';

/** The project folder in the learner's home; the compose file sits in its `docker/` folder, so the project is `docker`. */
export const PROJECT_FOLDER = 'networkproject';

/** A small Flask app that reads its database settings from the environment the compose file sets. */
export const APP_PY = `import os

import psycopg2
from flask import Flask

app = Flask(__name__)


def get_db_connection():
    return psycopg2.connect(
        user=os.environ.get("DB_USER"),
        password=os.environ.get("DB_PASSWORD"),
        host=os.environ.get("DB_HOST", "localhost"),
        port=os.environ.get("DB_PORT", "5432"),
        dbname=os.environ.get("DB_NAME"),
    )


@app.route("/")
def index():
    try:
        conn = get_db_connection()
    except psycopg2.OperationalError as error:
        return f"Database error: {error}", 500
    conn.close()
    return "Hello from Flask! The database is reachable."


@app.route("/health")
def health():
    return "OK"


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
`;

export const REQUIREMENTS_TXT = `flask
psycopg2-binary
`;

/**
 * The notes' Dockerfile as written: `RUN pip install` names no package, `CMD ['python', 'app.py']`
 * is not JSON (so it is shell form), and `EXPOSE` and `ENV` lack their arguments.
 */
export const NOTES_DOCKERFILE = `FROM python:3.9-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install
CMD ['python', 'app.py']
EXPOSE 
ENV
`;

/** The same Dockerfile made to work: the requirements installed, the code copied, JSON exec form. */
export const DOCKERFILE = `FROM python:3.9-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
EXPOSE 5000
ENV PYTHONUNBUFFERED=1
CMD ["python", "app.py"]
`;

/**
 * The notes' compose file, byte for byte: the obsolete `version`, the trailing space after `build:`,
 * and `- .. :/app`, whose source is a folder named `.. ` (with the space) beside the file.
 */
export const COMPOSE_YML = `version: '3'
services:
  web:
    build: 
      context: ..
      dockerfile: docker/Dockerfile
    ports:
      - "5000:5000"
    environment:
      - DB_USER=myuser
      - DB_PASSWORD=mypassword
      - DB_HOST=db
      - DB_PORT=5432
      - DB_NAME=networkproject
    depends_on:
      - db
    volumes:
      - .. :/app

  db:
    image: postgres:13
    environment:
      - POSTGRES_DB=networkproject
      - POSTGRES_USER=myuser
      - POSTGRES_PASSWORD=mypassword
    volumes:
      - postgres_data:/var/lib/postgresql/data
    ports:
      - "5432:5432"

volumes:
  postgres_data:
`;

function projectFiles(dockerfile: string): Record<string, string> {
  return {
    [`${PROJECT_FOLDER}/app.py`]: APP_PY,
    [`${PROJECT_FOLDER}/requirements.txt`]: REQUIREMENTS_TXT,
    [`${PROJECT_FOLDER}/docker/Dockerfile`]: dockerfile,
    [`${PROJECT_FOLDER}/docker/docker-compose.yml`]: COMPOSE_YML,
  };
}

export const flaskPostgres: Scenario = {
  name: 'flask-postgres',
  summary: "The notes' Flask + PostgreSQL project in ~/networkproject, with a Dockerfile that builds.",
  files: projectFiles(DOCKERFILE),
};

export const flaskPostgresNotes: Scenario = {
  name: 'flask-postgres-notes',
  summary: "The same project with the notes' Dockerfile as written, before it is fixed.",
  files: projectFiles(NOTES_DOCKERFILE),
};
