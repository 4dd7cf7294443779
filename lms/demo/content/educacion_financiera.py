"""Course: Educación financiera para tu hogar y tu negocio (budget, savings plan, credit, your rights)."""

from decimal import Decimal

from lms.demo.content.spec import (
    CourseSpec,
    LessonSpec,
    ModuleSpec,
    QuestionSpec,
    QuizSpec,
    example,
    no,
    text,
    tip,
    warning,
    yes,
)

# --- Question bank -------------------------------------------------------------------------------

Q_BUDGET = QuestionSpec(
    kind="unica",
    prompt="¿Qué es un presupuesto?",
    choices=(
        yes(
            "Un plan que muestra cuánto dinero entra y en qué lo vas a gastar cada mes.",
            "Correcto. El presupuesto es tu plan del mes.",
        ),
        no(
            "Una lista de las cosas que quieres comprar algún día.",
            "Eso es una lista de deseos. El presupuesto compara lo que entra con lo que sale.",
        ),
        no(
            "Un papel que solo necesitan las empresas grandes.",
            "No. Cualquier hogar y cualquier negocio pequeño lo necesita.",
        ),
        no("El dinero que te presta una cooperativa.", "Eso es un crédito, no un presupuesto."),
    ),
    explanation="Un presupuesto compara tus ingresos con tus gastos y te ayuda a decidir antes de gastar.",
)

Q_MIXING = QuestionSpec(
    kind="vf",
    prompt="Es buena idea mezclar el dinero de la casa con el dinero del negocio.",
    choices=(
        no("Verdadero", "No. Si mezclas, no sabes si tu negocio gana o pierde."),
        yes("Falso", "Correcto. Separa el dinero: así sabes cuánto gana de verdad tu negocio."),
    ),
    explanation="Cuando separas el dinero, puedes ver si el negocio gana y te pagas un sueldo fijo.",
)

Q_SURPLUS = QuestionSpec(
    kind="numerica",
    prompt="Tu hogar recibe USD 450 al mes y gasta USD 390. ¿Cuántos dólares te sobran cada mes?",
    numeric=Decimal("60"),
    tolerance=Decimal("0"),
    explanation="450 - 390 = 60. Te sobran USD 60 al mes: ese dinero puede ir a tu ahorro.",
)

Q_SAFE_PLACE = QuestionSpec(
    kind="unica",
    prompt="¿Dónde está más seguro tu ahorro?",
    choices=(
        no("Debajo del colchón, en la casa.", "En la casa el dinero se puede perder, dañar o robar."),
        yes(
            "En una cooperativa o un banco controlado por la Superintendencia.",
            "Correcto. Las entidades controladas deben cuidar tu dinero y rendir cuentas.",
        ),
        no("Prestado a un vecino sin ningún papel.", "Sin un papel firmado es difícil recuperar el dinero."),
        no("En una cadena de mensajes que promete duplicar tu dinero.", "Cuidado: eso suele ser una estafa."),
    ),
    explanation="Una cooperativa o un banco controlado guarda tu dinero con reglas y te da un comprobante.",
)

Q_CREDIT_CHECKS = QuestionSpec(
    kind="multiple",
    prompt="Antes de firmar un crédito, ¿qué debes revisar? Marca todas las respuestas correctas.",
    choices=(
        yes("La tasa de interés.", "Sí. La tasa dice cuánto te cuesta el préstamo."),
        yes("El valor de la cuota y cada cuánto se paga.", "Sí. La cuota debe entrar en tu presupuesto."),
        yes("Los costos extra: seguros, comisiones y multas por atraso.", "Sí. Suman al costo total."),
        no("Solo que el trámite sea rápido.", "La rapidez no dice nada del costo ni de las condiciones."),
    ),
    explanation="Revisa siempre la tasa, la cuota, el plazo y los costos extra. Pide todo por escrito.",
)

Q_SAVINGS_PLAN = QuestionSpec(
    kind="numerica",
    prompt=(
        "Rosa vende café en Loja. Gana USD 480 al mes y decide ahorrar el 10 % cada mes. "
        "¿Cuántos dólares tendrá ahorrados después de 6 meses?"
    ),
    numeric=Decimal("288"),
    tolerance=Decimal("1"),
    explanation="El 10 % de 480 es 48. En 6 meses: 48 x 6 = USD 288.",
)

Q_DEFENDER = QuestionSpec(
    kind="corta",
    prompt=(
        "Tu cooperativa no responde tu reclamo. ¿Qué figura puede ayudarte gratis a defender tus "
        "derechos como cliente? Escribe su nombre."
    ),
    accepted=(
        "Defensor del cliente",
        "El defensor del cliente",
        "Defensora del cliente",
        "Defensor del usuario financiero",
        "Superintendencia",
        "La Superintendencia",
    ),
    explanation=(
        "El Defensor del Cliente atiende reclamos sin costo. También puedes reclamar ante la "
        "Superintendencia que controla a tu banco o cooperativa."
    ),
)

Q_LOAN_SHARK = QuestionSpec(
    kind="vf",
    prompt='Un chulquero o prestamista "gota a gota" es una forma segura de conseguir dinero rápido.',
    choices=(
        no("Verdadero", "No. Cobran intereses muy altos y a veces amenazan a las personas."),
        yes("Falso", "Correcto. Es un préstamo caro y peligroso. Busca una cooperativa o una caja de ahorro."),
    ),
    explanation="El chulco cobra intereses altísimos y usa amenazas. Es ilegal. Pide ayuda si te pasa.",
)

Q_BUSINESS_PROFIT = QuestionSpec(
    kind="unica",
    prompt="Tienes un puesto de comida en Ibarra. ¿Cuál es la mejor forma de saber si tu negocio gana dinero?",
    choices=(
        yes(
            "Anotar cada día las ventas y los gastos del negocio, aparte de los de la casa.",
            "Correcto. Con registros separados ves la ganancia real.",
        ),
        no(
            "Mirar si al final del día hay billetes en la caja.",
            "La caja no te dice cuánto gastaste en compras ni cuánto sacaste para la casa.",
        ),
        no("Preguntar a los clientes si les gusta la comida.", "Es bueno preguntar, pero eso no mide tu ganancia."),
    ),
    explanation="La ganancia es ventas menos gastos del negocio. Solo la ves si anotas y separas.",
)

PRE_TEST = QuizSpec(
    title="Prueba de entrada: educación financiera",
    kind="pre",
    intro="Antes de empezar, responde estas 5 preguntas. No te preocupes por la nota: es para ver cuánto sabes hoy.",
    questions=(Q_BUDGET, Q_MIXING, Q_SURPLUS, Q_SAFE_PLACE, Q_CREDIT_CHECKS),
)

FINAL_QUIZ = QuizSpec(
    title="Evaluación final: educación financiera",
    kind="post",
    intro="Responde las 6 preguntas. Apruebas con 60 % o más. Tienes 3 intentos.",
    questions=(Q_BUDGET, Q_SAVINGS_PLAN, Q_CREDIT_CHECKS, Q_DEFENDER, Q_LOAN_SHARK, Q_BUSINESS_PROFIT),
)

# --- Lessons -------------------------------------------------------------------------------------

BUDGET = LessonSpec(
    title="El presupuesto familiar",
    slug="presupuesto-familiar",
    minutes=15,
    body=(
        text("""
            <p>Muchas personas dicen: "El dinero no me alcanza". A veces es verdad: ganamos poco.
            Pero muchas veces el dinero se va en gastos pequeños que no vemos. El presupuesto
            te ayuda a ver a dónde va tu dinero.</p>
            <h2>¿Qué es un presupuesto?</h2>
            <p>Es un plan sencillo para el mes. Tiene dos partes:</p>
            <ul>
            <li><b>Ingresos:</b> todo el dinero que entra. Tu sueldo, tus ventas, una ayuda o un envío
            de tu familia.</li>
            <li><b>Gastos:</b> todo el dinero que sale. Arriendo, comida, luz, agua, pasajes, teléfono,
            útiles de los niños.</li>
            </ul>
            <h2>Cómo hacerlo en 4 pasos</h2>
            <ol>
            <li>Anota todo lo que entra en el mes.</li>
            <li>Anota tus gastos fijos: los que pagas siempre, como el arriendo.</li>
            <li>Durante una semana, anota también los gastos pequeños: el café, las recargas, la
            colación.</li>
            <li>Resta: ingresos menos gastos. Si el resultado es positivo, te sobra dinero. Si es
            negativo, estás gastando más de lo que ganas.</li>
            </ol>
        """),
        example(
            "Yolanda, en Quito",
            """
            Yolanda llegó de Venezuela hace dos años. Vende arepas en el sur de Quito. Cada mes
            entran USD 520. Paga USD 180 de arriendo, USD 160 de comida, USD 40 de servicios,
            USD 45 de pasajes y USD 20 de teléfono. En total gasta USD 445. Le sobran USD 75.
            Al anotar una semana, vio que gastaba USD 4 diarios en colas y snacks. Ahora lleva
            agua de la casa y ahorra casi USD 80 al mes.
        """,
        ),
        tip(
            "Usa lo que tienes",
            """
            No necesitas computadora. Un cuaderno, una hoja pegada en la refrigeradora o las notas
            del celular sirven. Lo importante es anotar todos los días.
        """,
        ),
        warning(
            "Los gastos que se esconden",
            """
            Las recargas, los antojos y las compras "de paso" parecen poco. Juntos pueden ser
            más de USD 50 al mes.
        """,
        ),
        text("""
            <p>Revisa tu presupuesto cada fin de mes con tu familia. Decidan juntos qué gasto pueden
            bajar. Así todos cuidan el dinero de la casa.</p>
        """),
    ),
)

SEPARATE = LessonSpec(
    title="Separa el dinero de la casa y del negocio",
    slug="separar-casa-y-negocio",
    minutes=15,
    body=(
        text("""
            <p>Si tienes un negocio pequeño, seguro te ha pasado: vendes bien, pero a fin de mes no
            sabes dónde está el dinero. Esto pasa cuando el dinero de la casa y el del negocio
            están en el mismo bolsillo.</p>
            <h2>¿Por qué separar?</h2>
            <ul>
            <li>Para saber si tu negocio <b>gana o pierde</b>.</li>
            <li>Para tener dinero cuando debes comprar mercadería.</li>
            <li>Para poder pedir un crédito: la cooperativa va a preguntar cuánto vende tu negocio.</li>
            </ul>
            <h2>Tres hábitos sencillos</h2>
            <ol>
            <li><b>Dos bolsillos.</b> Usa una caja, un sobre o una cuenta solo para el negocio.
            Todo lo que vendes entra ahí.</li>
            <li><b>Págate un sueldo.</b> Decide una cantidad fija para tu casa, por ejemplo cada
            semana. No saques más dinero del negocio "porque hay".</li>
            <li><b>Anota cada día.</b> Escribe las ventas y los gastos del negocio: compras,
            transporte de mercadería, gas, bolsas.</li>
            </ol>
            <p>La ganancia es simple: <b>ventas menos gastos del negocio</b>. Si no anotas, solo
            adivinas.</p>
        """),
        example(
            "Don Segundo, en Cuenca",
            """
            Don Segundo arregla zapatos en el centro de Cuenca. Antes pagaba la luz de la casa y
            el almuerzo con la caja del taller. Nunca sabía cuánto ganaba. Ahora usa un sobre
            para el taller y se paga USD 90 cada sábado. En el primer mes descubrió que su taller
            gana unos USD 420 al mes. Con ese dato pudo decidir subir un poco sus precios.
        """,
        ),
        tip(
            "Un cuaderno de caja",
            """
            Divide cada hoja en tres columnas: fecha, entra y sale. Al final del día suma. Es la
            contabilidad más simple y funciona.
        """,
        ),
        warning(
            "No te endeudes por la casa con el dinero del negocio",
            """
            Si usas el dinero de la mercadería para un gasto de la casa, después no puedes comprar
            para vender. El negocio se detiene.
        """,
        ),
    ),
)

SAVINGS_PLAN = LessonSpec(
    title="Tu plan de ahorro",
    slug="plan-de-ahorro",
    minutes=15,
    body=(
        text("""
            <p>Ahorrar no es guardar lo que sobra. Casi nunca sobra. Ahorrar es decidir
            <b>primero</b> cuánto vas a guardar, y después gastar.</p>
            <h2>Paso 1: ponle un nombre a tu meta</h2>
            <p>Una meta clara te da fuerza. Por ejemplo: "Comprar una vitrina para mi negocio",
            "Tener un fondo para emergencias" o "Pagar el trámite de mis papeles".</p>
            <h2>Paso 2: pon un valor y una fecha</h2>
            <p>¿Cuánto cuesta tu meta? ¿Para cuándo la quieres? Divide el valor entre los meses.
            Si la vitrina cuesta USD 240 y la quieres en 8 meses, necesitas ahorrar USD 30 al mes.</p>
            <h2>Paso 3: ahorra apenas recibes dinero</h2>
            <p>El día que cobras o que vendes bien, separa tu ahorro. Una regla fácil es guardar el
            10 % de lo que entra. Si ganas USD 400, guardas USD 40.</p>
            <h2>Paso 4: empieza por un fondo de emergencia</h2>
            <p>Una enfermedad o una mudanza llegan sin avisar. Intenta juntar poco a poco el valor de
            uno o dos meses de gastos. Así no tienes que pedir prestado con prisa.</p>
        """),
        example(
            "Karina, en Lago Agrio",
            """
            Karina es colombiana y tiene un pequeño salón de belleza en Lago Agrio. Quería una
            silla nueva de USD 300. Decidió ahorrar USD 25 cada semana, los lunes, antes de
            comprar insumos. En tres meses tuvo el dinero y no pidió ningún préstamo.
        """,
        ),
        tip(
            "Ahorra en grupo",
            """
            En muchas ciudades hay cajas de ahorro comunitarias. Las personas ahorran juntas y se
            prestan entre ellas con reglas claras. Ahorrar en grupo te ayuda a cumplir.
        """,
        ),
        text("""
            <p>Si un mes no puedes ahorrar, no te rindas. Vuelve a empezar el mes siguiente, aunque
            sea con menos.</p>
        """),
    ),
)

WHERE_TO_SAVE = LessonSpec(
    title="Dónde guardar tu dinero",
    slug="donde-guardar-tu-dinero",
    minutes=15,
    body=(
        text("""
            <p>El dinero en la casa se pierde, se gasta fácil o se lo pueden robar. Es mejor
            guardarlo en una entidad financiera. En Ecuador tienes varias opciones.</p>
            <h2>Cooperativas de ahorro y crédito</h2>
            <p>Son de sus socios. Están en casi todas las ciudades y en muchos barrios. Suelen
            pedir pocos requisitos y conocen a los pequeños negocios. Las controla la
            Superintendencia de Economía Popular y Solidaria.</p>
            <h2>Bancos</h2>
            <p>Tienen muchas agencias y cajeros. Los controla la Superintendencia de Bancos.</p>
            <h2>Cajas de ahorro comunitarias</h2>
            <p>Son grupos del barrio o de una organización. Los socios ahorran y se prestan entre
            ellos. Son cercanas y de confianza, pero revisa que tengan reglas escritas y
            rindan cuentas.</p>
            <h2>¿Cómo abrir una cuenta?</h2>
            <ol>
            <li>Pregunta en la agencia qué documentos aceptan. Muchas entidades atienden a personas
            extranjeras.</li>
            <li>Lleva tu documento de identidad y una planilla de luz o agua de tu casa.</li>
            <li>Pregunta si la cuenta tiene costos de mantenimiento.</li>
            </ol>
        """),
        example(
            "Luis, en Ibarra",
            """
            Luis hace helados de paila en Ibarra. Guardaba su dinero en una lata. Un día la lata
            se mojó y perdió billetes. Abrió una cuenta de ahorro en una cooperativa de su barrio.
            Ahora deposita cada viernes y la cooperativa ya conoce su movimiento. Eso le ayudará
            cuando pida su primer crédito.
        """,
        ),
        warning(
            "Cuidado con las promesas fáciles",
            """
            Si alguien te promete duplicar tu dinero en pocas semanas, es una estafa. Antes de
            entregar dinero, pregunta si la entidad está controlada por una Superintendencia.
        """,
        ),
        tip(
            "Tu dinero está protegido",
            """
            Los depósitos en bancos y cooperativas controlados tienen un seguro de depósitos,
            hasta un límite. Pregunta en tu agencia.
        """,
        ),
    ),
)

CREDIT = LessonSpec(
    title="Pedir un crédito con cuidado",
    slug="pedir-un-credito",
    minutes=20,
    body=(
        text("""
            <p>Un crédito es dinero prestado que devuelves con intereses. Puede ayudarte a crecer,
            por ejemplo para comprar una máquina que te hace vender más. Pero también puede
            ahogarte si la cuota es muy alta.</p>
            <h2>Antes de pedir, pregúntate</h2>
            <ul>
            <li>¿Para qué lo necesito? ¿Me va a ayudar a ganar más dinero?</li>
            <li>¿Cuánto puedo pagar cada mes sin dejar de comer ni pagar el arriendo?</li>
            </ul>
            <p>Una regla útil: la suma de todas tus cuotas no debe pasar de la tercera parte de lo
            que te sobra en el presupuesto.</p>
            <h2>Lo que debes revisar</h2>
            <ul>
            <li><b>Tasa de interés:</b> cuánto te cobran por el préstamo.</li>
            <li><b>Cuota y plazo:</b> cuánto pagas, cada cuánto y por cuántos meses.</li>
            <li><b>Costos extra:</b> seguros, comisiones y multas si te atrasas.</li>
            <li><b>Costo total:</b> pide que te digan cuánto vas a pagar en total.</li>
            </ul>
            <p>Compara por lo menos en dos lugares. Pide la tabla de pagos por escrito y no firmes
            nada que no entiendas.</p>
        """),
        example(
            "Comparar dos ofertas",
            """
            Para comprar una cocina industrial de USD 600, a Yolanda le ofrecen dos créditos a 12
            meses. En la cooperativa A paga USD 56 al mes: USD 672 en total. En la tienda B paga
            USD 65 al mes: USD 780 en total. La cuota de la tienda parecía "cómoda", pero cuesta
            USD 108 más.
        """,
        ),
        warning(
            'No al chulco ni al "gota a gota"',
            """
            Los chulqueros prestan rápido y sin papeles, pero cobran intereses altísimos y a veces
            amenazan a las familias. Es ilegal. Si te pasa, busca ayuda y denuncia.
        """,
        ),
        tip(
            "Paga a tiempo",
            """
            Pagar puntual construye tu historial de crédito. Un buen historial te abre la puerta a
            créditos más grandes y más baratos.
        """,
        ),
    ),
)

RIGHTS = LessonSpec(
    title="Tus derechos como usuario financiero",
    slug="tus-derechos",
    minutes=15,
    body=(
        text("""
            <p>Cuando usas un banco o una cooperativa, eres un usuario financiero. Tienes derechos,
            sin importar tu nacionalidad. También tienes obligaciones.</p>
            <h2>Tus derechos</h2>
            <ul>
            <li>Recibir información clara y completa antes de firmar: tasa, costos y condiciones.</li>
            <li>Recibir una copia de todo lo que firmas.</li>
            <li>Un trato respetuoso, sin discriminación.</li>
            <li>Que cuiden tus datos personales.</li>
            <li>Presentar un reclamo y recibir una respuesta.</li>
            </ul>
            <h2>Tus obligaciones</h2>
            <ul>
            <li>Dar información verdadera.</li>
            <li>Pagar tus cuotas a tiempo.</li>
            <li>Leer lo que firmas y preguntar lo que no entiendes.</li>
            </ul>
            <h2>Si algo sale mal: cómo reclamar</h2>
            <ol>
            <li>Reclama primero en tu banco o cooperativa. Pide un número o una copia de tu
            reclamo.</li>
            <li>Si no te responden o no estás de acuerdo, acude al <b>Defensor del Cliente</b>. Su
            ayuda es gratuita.</li>
            <li>También puedes reclamar ante la Superintendencia que controla a tu entidad: la de
            Bancos o la de Economía Popular y Solidaria.</li>
            </ol>
        """),
        example(
            "Un cobro que no era",
            """
            A Rosa, en Loja, le cobraron USD 3 cada mes por un seguro que nunca pidió. Reclamó en su
            cooperativa con su estado de cuenta. Como no le respondieron en un mes, fue al Defensor
            del Cliente. Le devolvieron lo cobrado.
        """,
        ),
        tip(
            "Guarda tus papeles",
            """
            Guarda en una carpeta tus contratos, tablas de pago y comprobantes. También puedes
            tomarles una foto con el celular.
        """,
        ),
    ),
)

COURSE = CourseSpec(
    title="Educación financiera para tu hogar y tu negocio",
    slug="educacion-financiera",
    track="financiera",
    summary=(
        "Organiza el dinero de tu casa y de tu negocio. Aprende a hacer un presupuesto, a ahorrar con "
        "un plan, a pedir un crédito con cuidado y a defender tus derechos en bancos y cooperativas."
    ),
    outcomes=(
        "Hacer el presupuesto mensual de tu hogar",
        "Separar el dinero de la casa y del negocio",
        "Armar un plan de ahorro con una meta, un valor y una fecha",
        "Comparar créditos y saber qué revisar antes de firmar",
        "Conocer tus derechos como usuario financiero y cómo reclamar",
    ),
    hours=Decimal("6"),
    capacity=25,
    enrol_learner=True,
    modules=(
        ModuleSpec(
            title="Tu dinero en orden",
            slug="tu-dinero-en-orden",
            intro="Mira a dónde va tu dinero y separa la casa del negocio.",
            lessons=(BUDGET, SEPARATE),
        ),
        ModuleSpec(
            title="Ahorrar con un plan",
            slug="ahorrar-con-un-plan",
            intro="Ahorra para una meta y elige un lugar seguro para tu dinero.",
            lessons=(SAVINGS_PLAN, WHERE_TO_SAVE),
        ),
        ModuleSpec(
            title="Crédito y derechos",
            slug="credito-y-derechos",
            intro="Pide un crédito con cuidado y conoce tus derechos.",
            lessons=(CREDIT, RIGHTS),
            requires_previous=True,
        ),
    ),
    pre_test=PRE_TEST,
    final_quiz=FINAL_QUIZ,
)
