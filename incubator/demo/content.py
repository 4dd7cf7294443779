"""The incubator demo as plain data: one cohort, its people and six ventures, written the way the
entrepreneurs of the programme write (first person, short sentences, amounts in USD)."""

from dataclasses import dataclass, field
from datetime import date

from cms.accounts.roles import Role
from lms.demo.content.people import DemoUser

COHORT_NAME = "Cohorte Quito 2026"
COHORT_CITY = "Quito"
COHORT_START = date(2026, 8, 3)
COHORT_CAPACITY = 30
REQUIRED_COURSE_TITLE = "Plan de negocio"

AUG, SEP, OCT = date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1)


def _learner(
    username: str,
    first: str,
    last: str,
    *,
    sex: str,
    born: int,
    nationality: str,
    province: str,
    city: str,
    community: str,
) -> DemoUser:
    return DemoUser(
        username,
        first,
        last,
        Role.LEARNER,
        profile={
            "sex": sex,
            "birth_year": born,
            "nationality": nationality,
            "province": province,
            "city": city,
            "disability": "no",
            "mobility": community,
        },
    )


LEARNERS: tuple[DemoUser, ...] = (
    _learner(
        "luzmarina",
        "Luz Marina",
        "Cárdenas",
        sex="mujer",
        born=1979,
        nationality="ecuatoriana",
        province="Pichincha",
        city="Quito",
        community="acogida",
    ),
    _learner(
        "yenifer",
        "Yenifer",
        "Colmenares",
        sex="mujer",
        born=1992,
        nationality="venezolana",
        province="Azuay",
        city="Cuenca",
        community="migrante",
    ),
    _learner(
        "rosaelvira",
        "Rosa Elvira",
        "Guamán",
        sex="mujer",
        born=1971,
        nationality="ecuatoriana",
        province="Azuay",
        city="Cuenca",
        community="acogida",
    ),
    _learner(
        "yusmary",
        "Yusmary",
        "Peña",
        sex="mujer",
        born=1990,
        nationality="venezolana",
        province="Imbabura",
        city="Ibarra",
        community="migrante",
    ),
    _learner(
        "analucia",
        "Ana Lucía",
        "Pozo",
        sex="mujer",
        born=1998,
        nationality="ecuatoriana",
        province="Imbabura",
        city="Ibarra",
        community="acogida",
    ),
    _learner(
        "leidy",
        "Leidy Johana",
        "Ramírez",
        sex="mujer",
        born=1987,
        nationality="colombiana",
        province="Loja",
        city="Loja",
        community="migrante",
    ),
    _learner(
        "gloria",
        "Gloria",
        "Jiménez",
        sex="mujer",
        born=1966,
        nationality="ecuatoriana",
        province="Loja",
        city="Loja",
        community="acogida",
    ),
    _learner(
        "wilmer",
        "Wilmer José",
        "Castillo",
        sex="hombre",
        born=1994,
        nationality="venezolana",
        province="Sucumbíos",
        city="Lago Agrio",
        community="migrante",
    ),
    _learner(
        "daniela",
        "Daniela",
        "Ortiz",
        sex="mujer",
        born=1996,
        nationality="colombiana",
        province="Sucumbíos",
        city="Lago Agrio",
        community="migrante",
    ),
    _learner(
        "jhonfredy",
        "Jhon Fredy",
        "Moreno",
        sex="hombre",
        born=1989,
        nationality="colombiana",
        province="Pichincha",
        city="Quito",
        community="migrante",
    ),
    _learner(
        "kevin",
        "Kevin",
        "Andrade",
        sex="hombre",
        born=2001,
        nationality="ecuatoriana",
        province="Pichincha",
        city="Quito",
        community="acogida",
    ),
    # Outside the ventures: a dropout, the person who took her seat, and one still on the reserve list.
    _learner(
        "oriana",
        "Oriana",
        "Fuentes",
        sex="mujer",
        born=1993,
        nationality="venezolana",
        province="Pichincha",
        city="Quito",
        community="migrante",
    ),
    _learner(
        "franklin",
        "Franklin",
        "Quishpe",
        sex="hombre",
        born=1985,
        nationality="ecuatoriana",
        province="Pichincha",
        city="Quito",
        community="acogida",
    ),
    _learner(
        "marbelis",
        "Marbelis",
        "Rodríguez",
        sex="mujer",
        born=1991,
        nationality="venezolana",
        province="Pichincha",
        city="Quito",
        community="migrante",
    ),
)

DROPOUT = "oriana"
DROPOUT_NOTE = "No tiene todavía la visa. Fue a hacer el trámite y quiere volver en la próxima cohorte."
REPLACEMENT = "franklin"  # first on the reserve list: takes the freed seat
STILL_IN_RESERVE = "marbelis"

MOTIVATION = {
    "oriana": "Quiero vender arepas congeladas a las tiendas del barrio.",
    "franklin": "Tengo un pequeño taller de carpintería y quiero ordenar mis cuentas.",
    "marbelis": "Hago uñas a domicilio y quiero tener mi propio local.",
}


@dataclass(frozen=True)
class PrototypeSpec:
    description: str
    feedback: tuple[str, ...]
    colour: tuple[int, int, int]  # the main colour of the generated product photo


@dataclass(frozen=True)
class MilestoneStep:
    """What the demo does on one milestone: tick tasks, add a photo, submit, and the mentor's review."""

    code: str
    done_tasks: int
    evidence: bool = False
    submit: bool = False
    review: str = ""  # "aprobado", "requiere_cambios" or "" (still waiting)
    comment: str = ""


@dataclass(frozen=True)
class LogSpec:
    seen: str
    next_step: str
    due_on: date
    task_in: str = ""  # a milestone code: the next step also becomes a task there


@dataclass(frozen=True)
class FigureSpec:
    month: date
    sales: int
    income: str
    costs: str
    customers: int
    jobs: int


@dataclass(frozen=True)
class VentureSpec:
    name: str
    sector: str
    city: str
    description: str
    stage: str  # a short word for the report and the tests
    members: tuple[str, ...]  # usernames; the first one creates the venture
    plan: dict
    versions: int = 0  # how many versions of the plan were submitted
    second_version_changes: dict = field(default_factory=dict)
    prototypes: tuple[PrototypeSpec, ...] = ()
    milestones: tuple[MilestoneStep, ...] = ()
    mentor_log: tuple[LogSpec, ...] = ()
    figures: tuple[FigureSpec, ...] = ()


def rows(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"description": description, "amount": amount} for description, amount in pairs]


SUCULENTAS = VentureSpec(
    name="Verde Vivo: suculentas en macetas pintadas",
    sector="artesanias",
    city="Quito",
    stage="hitos y ventas",
    description="Suculentas en macetas de barro pintadas a mano. Vendemos en la feria de La Carolina y por WhatsApp.",
    members=("aprendiz", "luzmarina"),
    plan={
        "customer_segments": "Mujeres de 25 a 50 años que viven en departamentos en Quito. "
        "Oficinas que quieren una planta pequeña en cada escritorio. "
        "Personas que buscan un regalo barato y bonito.",
        "value_proposition": "Una planta que casi no necesita agua, en una maceta única pintada a mano. "
        "Cada maceta lleva una tarjeta con los cuidados.",
        "channels": "La feria del sábado en el parque La Carolina. Estados de WhatsApp e Instagram. "
        "Entrega en el norte de Quito.",
        "customer_relationships": "Le escribo a cada clienta a los 15 días para saber cómo está su planta. "
        "Si se muere en el primer mes, le cambio la planta gratis.",
        "revenue_streams": "Maceta pequeña a USD 6. Combo de tres a USD 15 para regalo. "
        "Pagan en efectivo o por transferencia.",
        "key_resources": "Macetas de barro, pinturas acrílicas y plantas madre. "
        "El patio de Luz Marina, donde crecen los hijuelos.",
        "key_activities": "Sacar hijuelos y trasplantar. Pintar macetas los martes y jueves. "
        "Vender en la feria y responder mensajes.",
        "key_partners": "Un alfarero de Pomasqui que nos vende las macetas. "
        "Un vivero de Tumbaco. La junta del barrio, que nos presta el patio.",
        "cost_structure": "Macetas, sustrato y pintura. El puesto en la feria. Transporte y saldo del celular.",
        "summary": "Somos María José, de Valencia, Venezuela, y Luz Marina, de Quito. "
        "Vendemos suculentas en macetas que pintamos nosotras. "
        "Nos eligen porque cada maceta es única y la planta es fácil de cuidar.",
        "problem": "La gente quiere plantas en casa, pero no tiene tiempo ni espacio. "
        "En el mercado las plantas vienen en fundas plásticas y no sirven para regalar.",
        "market": "En la feria de La Carolina hay unos 800 visitantes cada sábado. "
        "Hay dos puestos de plantas, pero venden macetas de plástico a USD 4. "
        "En los viveros una suculenta pintada cuesta entre USD 8 y USD 10.",
        "team": "Yo pinto y manejo las redes. Luz Marina sabe de plantas: trabajó diez años en un vivero. "
        "Las dos vendemos en la feria.",
        "unit_name": "maceta pintada con suculenta",
        "price_per_unit": "6.00",
        "variable_cost_per_unit": "2.40",
        "expected_monthly_units": 60,
        "startup_costs": rows(
            ("Pinturas acrílicas y pinceles", "35.00"),
            ("50 macetas de barro", "40.00"),
            ("Plantas madre y sustrato", "45.00"),
            ("Mesa plegable y mantel", "30.00"),
        ),
        "fixed_costs": rows(
            ("Puesto en la feria del sábado", "25.00"),
            ("Transporte", "20.00"),
            ("Saldo del celular e internet", "15.00"),
        ),
    },
    versions=1,
    prototypes=(
        PrototypeSpec(
            "Primera maceta: pintura con flores y una suculenta echeveria. La sellé con barniz.",
            (
                "A la señora Rosa le gustó, pero dijo que la pintura se despega cuando riega.",
                "Un joven preguntó si hacemos macetas con nombres para regalar.",
            ),
            (205, 120, 70),
        ),
        PrototypeSpec(
            "Segunda versión: barniz por dentro y por fuera, y una tarjeta con los cuidados.",
            ("Tres clientas compraron el combo de tres para regalar en el Día de la Madre.",),
            (70, 140, 170),
        ),
    ),
    milestones=(
        MilestoneStep(
            "M1",
            done_tasks=3,
            evidence=True,
            submit=True,
            review="aprobado",
            comment="Muy bien. Hablaron con 12 personas y anotaron cuánto pagarían. Sigan así.",
        ),
        MilestoneStep(
            "M2",
            done_tasks=2,
            evidence=True,
            submit=True,
            review="requiere_cambios",
            comment="El prototipo se ve bonito. Falta la opinión de cinco clientes: solo hay dos. "
            "Pregunten en la feria del sábado y anoten lo que dicen.",
        ),
    ),
    mentor_log=(
        LogSpec(
            "Revisamos los costos. La maceta con planta les cuesta USD 2,40 y la venden a USD 6.",
            "Poner una etiqueta con el precio y los cuidados en cada maceta",
            date(2026, 10, 10),
            task_in="M2",
        ),
        LogSpec(
            "Vimos las ventas de septiembre. El combo de regalo se vende mejor que la maceta sola.",
            "Preparar 20 combos para las fiestas de Quito",
            date(2026, 11, 28),
        ),
    ),
    figures=(
        FigureSpec(AUG, 24, "144.00", "110.00", 19, 2),
        FigureSpec(SEP, 40, "240.00", "150.00", 31, 2),
        FigureSpec(OCT, 53, "318.00", "185.00", 41, 2),
    ),
)

CERAMICA = VentureSpec(
    name="Barro Azul: cerámica utilitaria",
    sector="artesanias",
    city="Cuenca",
    stage="plan en borrador",
    description="Tazas, platos y floreros de cerámica esmaltada, hechos a mano en Cuenca.",
    members=("yenifer", "rosaelvira"),
    plan={
        "customer_segments": "Turistas que visitan el centro de Cuenca. Cafeterías que quieren tazas propias.",
        "value_proposition": "Tazas hechas a mano, con el azul de Cuenca y un toque venezolano en los dibujos.",
        "channels": "Una tienda de artesanías en la calle Larga nos deja dejar piezas a consignación.",
        "key_resources": "El torno de Rosa Elvira. Un horno compartido en el taller de la asociación.",
        "unit_name": "taza de cerámica esmaltada",
        "price_per_unit": "9.00",
        "variable_cost_per_unit": "3.20",
        "expected_monthly_units": 40,
    },
)

REPOSTERIA = VentureSpec(
    name="Dulce Maracucho: repostería",
    sector="alimentos",
    city="Ibarra",
    stage="plan enviado",
    description="Tortas, quesillo y golfeados por encargo. Entregamos en Ibarra y Atuntaqui.",
    members=("yusmary", "analucia"),
    plan={
        "customer_segments": "Familias que celebran cumpleaños y bautizos en Ibarra. "
        "Cafeterías del centro que compran postres cada semana.",
        "value_proposition": "Postres venezolanos que aquí casi no se consiguen, como el quesillo y el golfeado. "
        "También hago tortas con sabores de aquí, como la de mora y naranjilla.",
        "channels": "Pedidos por WhatsApp y Facebook. Entrego a domicilio con Ana Lucía en moto.",
        "customer_relationships": "Mando fotos de la torta antes de entregar. "
        "A quien compra cinco veces le regalo un quesillo.",
        "revenue_streams": "Torta mediana a USD 18. Quesillo a USD 10. "
        "Pagan la mitad al hacer el pedido y la otra mitad al recibir.",
        "key_resources": "El horno, la batidora y la cocina de mi casa. Mis recetas.",
        "key_activities": "Comprar ingredientes frescos cada lunes. Hornear bajo pedido. "
        "Subir fotos a las redes y entregar.",
        "key_partners": "Una tienda de abarrotes que me fía la harina y los huevos. Dos cafeterías del centro.",
        "cost_structure": "Harina, huevos, leche, azúcar y mantequilla. Gas y luz. Transporte de entregas.",
        "summary": "Soy Yusmary, de Maracaibo. Vivo en Ibarra desde 2019. "
        "Hago tortas y postres por encargo con mi socia Ana Lucía, que es de aquí.",
        "problem": "Para un cumpleaños, las familias no encuentran tortas ricas a buen precio y a tiempo. "
        "Las pastelerías grandes piden el pedido con una semana de anticipación.",
        "market": "En mi barrio hay unas 300 familias. Cada mes hay cumpleaños en casi todas las cuadras. "
        "Una pastelería del centro cobra USD 25 por una torta parecida.",
        "team": "Yo hago los postres: aprendí con mi abuela. Ana Lucía maneja las redes, cobra y hace las entregas.",
        "unit_name": "torta mediana (20 porciones)",
        "price_per_unit": "18.00",
        "variable_cost_per_unit": "8.50",
        "expected_monthly_units": 30,
        "startup_costs": rows(
            ("Horno de segunda mano", "180.00"), ("Batidora", "85.00"), ("Moldes y boquillas", "40.00")
        ),
        "fixed_costs": rows(
            ("Gas", "12.00"),
            ("Luz y agua del negocio", "20.00"),
            ("Transporte de entregas", "25.00"),
            ("Recargas y datos", "10.00"),
        ),
    },
    versions=1,
)

COSTURA = VentureSpec(
    name="Puntada Fina: costura y arreglos",
    sector="confeccion",
    city="Loja",
    stage="prototipo",
    description="Arreglos de ropa, bastas, cierres y uniformes escolares a medida, junto al mercado central de Loja.",
    members=("leidy", "gloria"),
    plan={
        "customer_segments": "Vecinos del centro de Loja que necesitan arreglar su ropa. "
        "Madres que buscan uniformes escolares a medida en agosto y septiembre.",
        "value_proposition": "Arreglos rápidos: una basta lista en una hora. Precios claros en una tabla en la puerta.",
        "channels": "El local junto al mercado. Un letrero en la puerta. Recomendaciones de boca en boca.",
        "customer_relationships": "Anoto el nombre y el teléfono de cada cliente y le aviso cuando está listo.",
        "revenue_streams": "Basta a USD 3. Cambio de cierre a USD 4. Uniforme completo a USD 25.",
        "key_resources": "Dos máquinas usadas: una recta y una overlock. El local pequeño.",
        "key_activities": "Atender, medir y coser. Comprar hilos y cierres cada semana.",
        "key_partners": "Una tienda de telas del centro. La escuela del barrio, que nos recomienda.",
        "cost_structure": "Arriendo del local, luz, hilos, cierres y botones.",
        "summary": "Soy Leidy, de Cali. Coso desde los 15 años. "
        "Con doña Gloria hacemos arreglos de ropa y uniformes en el centro de Loja.",
        "problem": "Arreglar una prenda toma días en las sastrerías del centro, y muchas cierran temprano.",
        "market": "Por el mercado pasan cientos de personas cada día. "
        "Hay tres sastrerías cerca; cobran USD 4 por una basta.",
        "team": "Yo coso a máquina y hago los uniformes. Doña Gloria borda y atiende a los clientes.",
        "unit_name": "arreglo de ropa (promedio)",
        "price_per_unit": "4.00",
        "variable_cost_per_unit": "0.60",
        "expected_monthly_units": 150,
        "startup_costs": rows(
            ("Máquina recta industrial usada", "250.00"),
            ("Overlock usada", "220.00"),
            ("Hilos, agujas y tijeras", "40.00"),
        ),
        "fixed_costs": rows(("Arriendo del local", "90.00"), ("Luz", "12.00")),
    },
    versions=1,
    prototypes=(
        PrototypeSpec(
            "Un uniforme escolar de muestra, talla 8, con la tabla de precios pegada en la puerta.",
            ("Una mamá dijo que el precio está bien, pero quiere pagar en dos partes.",),
            (40, 70, 140),
        ),
    ),
    milestones=(MilestoneStep("M1", done_tasks=3, evidence=True, submit=True),),
)

PELUQUERIA = VentureSpec(
    name="Estilo Frontera: peluquería",
    sector="belleza",
    city="Lago Agrio",
    stage="hitos y ventas",
    description="Peluquería de barrio: cortes, tintes y barbería. Abrimos de martes a domingo.",
    members=("wilmer", "daniela"),
    plan={
        "customer_segments": "Hombres jóvenes que trabajan en las petroleras y quieren un buen corte. "
        "Mujeres del barrio que buscan tinte y peinado a buen precio.",
        "value_proposition": "Cortes modernos con diseño, como en Caracas y en Cali. "
        "Atendemos sin cita y también los domingos.",
        "channels": "El local en la avenida Quito. TikTok con videos de los cortes.",
        "customer_relationships": "Tarjeta de fidelidad: el sexto corte es gratis.",
        "revenue_streams": "Corte a USD 4. Corte con barba a USD 6. Tinte desde USD 20.",
        "key_resources": "Dos sillas, máquinas de corte, secadora y el local.",
        "key_activities": "Cortar y peinar. Grabar videos. Limpiar y desinfectar las herramientas.",
        "key_partners": "Una distribuidora de productos de belleza de Quito que envía por bus.",
        "cost_structure": "Arriendo del local, luz y agua, productos, cuchillas.",
        "summary": "Somos Wilmer, de Barquisimeto, y Daniela, de Cali. Tenemos una peluquería pequeña en Lago Agrio.",
        "problem": "En el barrio solo hay una peluquería y cierra los domingos, que es cuando la gente descansa.",
        "market": "En el barrio viven unas 2.000 personas. Muchos hombres se cortan cada dos semanas.",
        "team": "Yo hago cortes de hombre y barbería. Daniela hace tintes, peinados y lleva las cuentas.",
        "unit_name": "servicio de peluquería (promedio)",
        "price_per_unit": "5.00",
        "variable_cost_per_unit": "0.80",
        "expected_monthly_units": 180,
        "startup_costs": rows(
            ("Silla de peluquería", "120.00"),
            ("Máquinas de corte y secadora", "95.00"),
            ("Espejo y repisa", "60.00"),
            ("Productos iniciales", "50.00"),
        ),
        "fixed_costs": rows(("Arriendo del local", "150.00"), ("Luz y agua", "30.00"), ("Internet", "20.00")),
    },
    versions=1,
    prototypes=(
        PrototypeSpec(
            "Una tarde de cortes a USD 3 para probar el servicio y grabar los primeros videos.",
            (
                "Los clientes piden que pongamos música y un televisor con fútbol.",
                "Dos señoras preguntaron por alisado.",
            ),
            (30, 30, 30),
        ),
    ),
    milestones=(
        MilestoneStep(
            "M1",
            done_tasks=3,
            evidence=True,
            submit=True,
            review="aprobado",
            comment="Buen trabajo. Las entrevistas muestran que el domingo es el día clave.",
        ),
        MilestoneStep(
            "M2",
            done_tasks=3,
            submit=True,
            review="requiere_cambios",
            comment="Suban al menos una foto del local listo y de un corte terminado. "
            "Sin fotos no puedo aprobar el prototipo.",
        ),
    ),
    mentor_log=(
        LogSpec(
            "Revisamos el precio del corte. Con USD 4 cubren los costos, pero el margen es chico.",
            "Probar el combo corte y barba a USD 6",
            date(2026, 10, 20),
        ),
    ),
    figures=(
        FigureSpec(SEP, 120, "600.00", "290.00", 85, 2),
        FigureSpec(OCT, 165, "825.00", "330.00", 110, 2),
    ),
)

CELULARES = VentureSpec(
    name="Cel Express: reparación de celulares",
    sector="servicios",
    city="Quito",
    stage="primeras ventas",
    description="Cambio de pantallas, baterías y puertos de carga. Reparamos en el día con garantía de 30 días.",
    members=("jhonfredy", "kevin"),
    plan={
        "customer_segments": "Estudiantes y trabajadores del sur de Quito que no pueden quedarse sin celular. "
        "Tiendas pequeñas que venden celulares y no hacen reparaciones.",
        "value_proposition": "Reparo en el mismo día y doy garantía de 30 días. Le muestro al cliente la pieza dañada.",
        "channels": "Un puesto en el centro comercial El Recreo. Facebook Marketplace. "
        "Recomendaciones de las tiendas vecinas.",
        "customer_relationships": "Mando un mensaje cuando el celular está listo. "
        "Si falla en 30 días, lo reparo gratis.",
        "revenue_streams": "Cambio de pantalla desde USD 25. Batería a USD 15. Puerto de carga a USD 10.",
        "key_resources": "Estación de soldadura, microscopio, herramientas y repuestos.",
        "key_activities": "Diagnosticar y reparar. Comprar repuestos cada semana en la Ipiales.",
        "key_partners": "Dos proveedores de repuestos en Quito. Tiendas de celulares que me mandan clientes.",
        "cost_structure": "Repuestos. Arriendo del puesto. Internet y luz.",
        "summary": "Soy Jhon Fredy, técnico de celulares de Pasto. Con Kevin reparamos celulares en el sur "
        "de Quito, en el día y con garantía.",
        "problem": "Cuando se daña el celular, la gente pierde trabajo y clases. "
        "En los servicios técnicos grandes esperan hasta una semana.",
        "market": "Por El Recreo pasan miles de personas al día. Hay cuatro puestos de reparación, "
        "pero ninguno da garantía por escrito.",
        "team": "Yo reparo: tengo ocho años de experiencia. Kevin atiende, cobra y aprende a reparar.",
        "unit_name": "reparación (promedio)",
        "price_per_unit": "15.00",
        "variable_cost_per_unit": "6.00",
        "expected_monthly_units": 70,
        "startup_costs": rows(
            ("Estación de soldadura", "90.00"),
            ("Microscopio USB", "45.00"),
            ("Kit de destornilladores y pinzas", "35.00"),
            ("Repuestos iniciales", "150.00"),
        ),
        "fixed_costs": rows(("Puesto en el centro comercial", "120.00"), ("Internet", "20.00"), ("Luz", "10.00")),
    },
    versions=2,
    second_version_changes={
        "expected_monthly_units": 60,
        "market": "Por El Recreo pasan miles de personas al día. Hay cuatro puestos de reparación, "
        "pero ninguno da garantía por escrito. En septiembre reparamos 52 celulares.",
    },
    prototypes=(
        PrototypeSpec(
            "Un letrero con la lista de precios y la tarjeta de garantía de 30 días.",
            ("Un cliente dijo que la garantía por escrito le dio confianza.",),
            (230, 180, 30),
        ),
    ),
    milestones=(
        MilestoneStep(
            "M1",
            done_tasks=3,
            evidence=True,
            submit=True,
            review="aprobado",
            comment="Excelente. Conocen bien a sus clientes.",
        ),
        MilestoneStep(
            "M2",
            done_tasks=3,
            evidence=True,
            submit=True,
            review="aprobado",
            comment="La tarjeta de garantía es una buena idea. Aprobado.",
        ),
        MilestoneStep("M3", done_tasks=2),
    ),
    mentor_log=(
        LogSpec(
            "Las ventas suben, pero anotan los gastos en un cuaderno y se pierden algunos.",
            "Anotar cada gasto en el diario de caja de Semilla",
            date(2026, 11, 15),
            task_in="M3",
        ),
    ),
    figures=(
        FigureSpec(AUG, 38, "570.00", "380.00", 35, 2),
        FigureSpec(SEP, 52, "780.00", "455.00", 47, 2),
        FigureSpec(OCT, 61, "915.00", "520.00", 55, 3),
    ),
)

VENTURES: tuple[VentureSpec, ...] = (SUCULENTAS, CERAMICA, REPOSTERIA, COSTURA, PELUQUERIA, CELULARES)
